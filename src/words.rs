//! The words of a text as the extractor and the merger compare them: runs of letters and digits,
//! so "ribbon-cutting" is two words and "U.S." is "U" and "S". One definition keeps the stages
//! agreeing on what a word is.

/// The words of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let found: Vec<&str> = words("  The U.S. ribbon-cutting, on July 4 — café!").collect();
        assert_eq!(
            found,
            [
                "The", "U", "S", "ribbon", "cutting", "on", "July", "4", "café"
            ]
        );
        assert_eq!(words(" ,. ").count(), 0);
    }
}
