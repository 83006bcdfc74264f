//! The article files below a content folder: sorted, hidden entries and non-articles skipped,
//! symlinks followed only when they stay inside the site.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use super::Warning;

/// Extensions annals reads as articles; everything else (images, `.yaml` event files) is ignored.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt", "html", "htm", "jsonl"];

pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Article files below `content`, in sorted order, and warnings about links that were not
/// followed. `site_root` bounds where symlinks may lead.
pub fn files(site_root: &Path, content: &Path) -> anyhow::Result<(Vec<PathBuf>, Vec<Warning>)> {
    // An empty root is the current folder (the CLI passes it so messages read `content/a.md`).
    let here = if site_root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        site_root
    };
    let root = fs::canonicalize(here)
        .with_context(|| format!("cannot open the site folder {}", site_root.display()))?;
    let mut walk = Walk {
        site_root: site_root.to_path_buf(),
        root,
        files: Vec::new(),
        warnings: Vec::new(),
        seen: HashSet::new(),
    };
    walk.dir(content)?;
    Ok((walk.files, walk.warnings))
}

struct Walk {
    site_root: PathBuf,
    root: PathBuf,
    files: Vec<PathBuf>,
    warnings: Vec<Warning>,
    seen: HashSet<PathBuf>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) -> anyhow::Result<()> {
        if let Ok(real) = fs::canonicalize(dir)
            && !self.seen.insert(real)
        {
            return Ok(()); // a link loop or a second link to the same folder
        }
        let mut entries: Vec<_> = fs::read_dir(dir)
            .with_context(|| format!("cannot read the folder {}", dir.display()))?
            .collect::<Result<_, _>>()
            .with_context(|| format!("cannot read the folder {}", dir.display()))?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let file_type = entry
                .file_type()
                .with_context(|| format!("cannot read {}", path.display()))?;
            let is_dir = if file_type.is_symlink() {
                match fs::canonicalize(&path) {
                    Ok(target) if target.starts_with(&self.root) => target.is_dir(),
                    Ok(target) => {
                        self.warn(
                            &path,
                            format!("links outside the site (to {}); skipped", target.display()),
                        );
                        continue;
                    }
                    Err(_) => {
                        self.warn(&path, "is a broken link; skipped".into());
                        continue;
                    }
                }
            } else {
                file_type.is_dir()
            };
            if is_dir {
                self.dir(&path)?;
            } else if is_article(&path) {
                self.files.push(path);
            }
        }
        Ok(())
    }

    fn warn(&mut self, path: &Path, message: String) {
        self.warnings.push(Warning {
            path: path
                .strip_prefix(&self.site_root)
                .unwrap_or(path)
                .to_path_buf(),
            message,
        });
    }
}
