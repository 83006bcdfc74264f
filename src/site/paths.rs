//! Safe file names and relative links: every id, tag or entity name that becomes part of a path
//! goes through [`slugify`], so nothing a user writes can escape the output folder.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

/// Longest slug, in bytes (ASCII only, so also in characters).
const MAX_SLUG: usize = 80;

/// A lowercase ASCII slug: letters and digits, runs of anything else become one `-`; accented
/// Latin letters lose their accents. Never empty, never `.` or `..`, never a name Windows
/// reserves for a device (`con`, `nul`, `com1`...), at most 80 bytes.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        // ASCII letters and digits, most characters of most names, skip the table.
        let mut ascii = [0; 4];
        let mapped: &str = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase().encode_utf8(&mut ascii)
        } else {
            fold(c)
        };
        if mapped.is_empty() {
            dash = !slug.is_empty();
            continue;
        }
        if dash {
            slug.push('-');
            dash = false;
        }
        slug.push_str(mapped);
    }
    if slug.len() > MAX_SLUG {
        slug.truncate(MAX_SLUG);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    if slug.is_empty() {
        slug.push_str("item");
    }
    if is_reserved(&slug) {
        slug.push_str("-item");
    }
    slug
}

/// Whether `name` (before any extension, any case) is a device name Windows will not create a
/// file or folder under: `con`, `prn`, `aux`, `nul`, `com1`-`com9`, `lpt1`-`lpt9`.
pub fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    let stem = stem.trim_end_matches([' ', '.']);
    matches!(stem, "con" | "prn" | "aux" | "nul")
        || ((stem.starts_with("com") || stem.starts_with("lpt"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit()
            && stem.as_bytes()[3] != b'0')
}

/// The ASCII letters a character other than an ASCII letter or digit stands for, or `""` for
/// a separator.
fn fold(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ě' | 'Ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' | 'ń' | 'Ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ß' => "ss",
        'š' | 'Š' | 'ś' | 'Ś' => "s",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ž' | 'Ž' | 'ź' | 'Ź' | 'ż' | 'Ż' => "z",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' => "d",
        'þ' | 'Þ' => "th",
        _ => "",
    }
}

/// Gives each distinct name its own slug; names whose slugs collide get `-2`, `-3`... in the
/// order they are assigned, so assign in a sorted order to stay deterministic.
#[derive(Debug, Default)]
pub struct Slugs {
    /// Hashed rather than ordered: every build looks up the slugs of every event's id, tags
    /// and entities (30,000 lookups at 10,000 events), and string comparisons down a B-tree
    /// were a tenth of a rebuild.
    by_name: HashMap<String, String, foldhash::fast::RandomState>,
    taken: HashSet<String>,
}

impl Slugs {
    /// Slugs for `names`, assigned in sorted order whatever order they come in.
    pub fn assign<'a>(names: impl IntoIterator<Item = &'a str>) -> Slugs {
        let mut sorted: Vec<&str> = names.into_iter().collect();
        sorted.par_sort_unstable();
        sorted.dedup();
        // Slugified in parallel (the names of 10,000 events took a build ~10 ms one by one);
        // only the numbering of collisions needs the order.
        let bases: Vec<String> = sorted.par_iter().map(|name| slugify(name)).collect();
        let mut slugs = Slugs {
            by_name: HashMap::with_capacity_and_hasher(sorted.len(), Default::default()),
            taken: HashSet::with_capacity(sorted.len()),
        };
        for (name, base) in sorted.into_iter().zip(bases) {
            slugs.insert(name, base);
        }
        slugs
    }

    fn insert(&mut self, name: &str, base: String) {
        let mut slug = base.clone();
        let mut n = 2;
        while self.taken.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(slug.clone());
        self.by_name.insert(name.to_string(), slug);
    }

    /// The slug of a name given to [`Slugs::assign`].
    pub fn get(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }
}

/// The prefix that leads from a page at `path` (relative to the output root, `/`-separated, e.g.
/// `events/x/index.html`) back to the root: `""` for `index.html`, `../../` for that example.
pub fn root_prefix(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_without_traversal() {
        assert_eq!(slugify("Vladimir Putin"), "vladimir-putin");
        assert_eq!(slugify("Élysée Palace"), "elysee-palace");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify(".."), "item");
        assert_eq!(slugify("2017/embassy#3"), "2017-embassy-3");
        assert_eq!(slugify("  -Hello--World-  "), "hello-world");
        assert_eq!(slugify("東京"), "item");
        assert_eq!(slugify("CON"), "con-item");
        assert_eq!(slugify("nul"), "nul-item");
        assert_eq!(slugify("Lpt1"), "lpt1-item");
        assert_eq!(slugify("com0"), "com0");
        assert_eq!(slugify("console"), "console");
        let long = slugify(&"ab ".repeat(100));
        assert!(long.len() <= 80 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn collisions_get_numbered_in_sorted_order() {
        let slugs = Slugs::assign(["US Army", "us-army", "US army", "Other"]);
        assert_eq!(slugs.get("US Army"), Some("us-army"));
        assert_eq!(slugs.get("US army"), Some("us-army-2"));
        assert_eq!(slugs.get("us-army"), Some("us-army-3"));
        assert_eq!(slugs.get("Other"), Some("other"));
    }

    #[test]
    fn root_prefix_climbs_one_level_per_folder() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("events/x/index.html"), "../../");
        assert_eq!(root_prefix("tags/index.html"), "../");
    }
}
