//! `annals init`: a new site with every setting explained, one example article and a note on
//! themes. It never overwrites anything.

use std::path::Path;

use anyhow::{Context, bail};

use crate::cli::Outcome;

const SITE_TOML: &str = include_str!("init/site.toml");
const EXAMPLE_ARTICLE: &str = include_str!("init/example.md");
const GITIGNORE: &str = "/output/\n/.annals-cache/\n";
const THEMES_NOTE: &str = "\
Themes

annals has a built-in theme called `default`. To change a page, copy the template of the same
name into themes/default/templates/ (for example index.html or event.html) and edit it; to change
the styles, put a style.css in themes/default/static/. Files you do not copy keep the built-in
version.
";

pub fn run(dir: &Path) -> anyhow::Result<Outcome> {
    if dir.join("site.toml").exists() {
        let place = if dir.as_os_str().is_empty() || dir == Path::new(".") {
            "this folder".to_string()
        } else {
            dir.display().to_string()
        };
        bail!(
            "{place} already has a site.toml; annals init never overwrites a site (pick an empty folder)"
        );
    }
    let files: [(&str, &str); 3] = [
        ("site.toml", SITE_TOML),
        ("content/example-article.md", EXAMPLE_ARTICLE),
        ("themes/README.txt", THEMES_NOTE),
    ];
    for (name, _) in &files {
        if dir.join(name).exists() {
            bail!(
                "{} already exists; annals init never overwrites files",
                dir.join(name).display()
            );
        }
    }
    for (name, text) in files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    // Keeps the built site and the parse cache out of version control; an existing
    // .gitignore (init in a repository) is the user's and left alone.
    let gitignore = dir.join(".gitignore");
    if !gitignore.exists() {
        std::fs::write(&gitignore, GITIGNORE)
            .with_context(|| format!("cannot write {}", gitignore.display()))?;
    }
    std::fs::create_dir_all(dir.join("content/events"))
        .with_context(|| format!("cannot create {}", dir.join("content/events").display()))?;
    println!("Created a new site in {}", dir.display());
    println!("Next: put articles in content/, then run `annals extract` and `annals build`.");
    Ok(Outcome::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// Every commented setting in the new site.toml is a real key with its real default.
    #[test]
    fn the_commented_settings_are_the_defaults() {
        let uncommented: String = SITE_TOML
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(setting) if setting.contains(" = ") && !setting.contains("base_url") => {
                    setting
                }
                _ => l,
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let config = Config::parse(Path::new("site.toml"), &uncommented).unwrap();
        assert_eq!(
            config,
            Config {
                title: "My timeline".into(),
                ..Config::default()
            }
        );
    }

    #[test]
    fn init_ignores_output_and_cache_but_keeps_an_existing_gitignore() {
        let fresh = tempfile::tempdir().unwrap();
        run(fresh.path()).unwrap();
        let ignored = std::fs::read_to_string(fresh.path().join(".gitignore")).unwrap();
        assert!(ignored.lines().any(|l| l == "/output/"), "{ignored}");
        let cache_dir = crate::store::parse_cache::CACHE_FILE
            .split('/')
            .next()
            .unwrap();
        assert!(
            ignored.lines().any(|l| l == format!("/{cache_dir}/")),
            "{ignored}"
        );

        let repo = tempfile::tempdir().unwrap();
        std::fs::write(repo.path().join(".gitignore"), "*.log\n").unwrap();
        run(repo.path()).unwrap();
        assert_eq!(
            std::fs::read_to_string(repo.path().join(".gitignore")).unwrap(),
            "*.log\n"
        );
    }

    #[test]
    fn init_refuses_to_overwrite_a_site() {
        let dir = tempfile::tempdir().unwrap();
        run(dir.path()).unwrap();
        assert!(dir.path().join("content/example-article.md").is_file());
        std::fs::write(dir.path().join("site.toml"), "title = \"mine\"").unwrap();
        let err = run(dir.path()).unwrap_err();
        assert!(err.to_string().contains("never overwrites"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("site.toml")).unwrap(),
            "title = \"mine\""
        );
    }
}
