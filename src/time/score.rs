//! TempEval-3 scoring of temporal expressions: pair each system expression with a gold one whose
//! span overlaps (one to one, left to right); strict matches need identical spans; value
//! accuracy is the share of pairs with the identical value, and value F1 is relaxed F1 times
//! value accuracy. Counts add up over files, so a corpus score is the sum of its documents'.

use super::types::Timex;
use std::ops::AddAssign;

/// Match counts for one or more documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub system: usize,
    pub gold: usize,
    /// Pairs with overlapping spans.
    pub relaxed: usize,
    /// Pairs with identical spans.
    pub strict: usize,
    pub type_match: usize,
    pub value_match: usize,
}

impl AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.system += o.system;
        self.gold += o.gold;
        self.relaxed += o.relaxed;
        self.strict += o.strict;
        self.type_match += o.type_match;
        self.value_match += o.value_match;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Counts {
    pub fn strict_precision(&self) -> f64 {
        ratio(self.strict, self.system)
    }
    pub fn strict_recall(&self) -> f64 {
        ratio(self.strict, self.gold)
    }
    pub fn strict_f1(&self) -> f64 {
        f1(self.strict_precision(), self.strict_recall())
    }
    pub fn relaxed_precision(&self) -> f64 {
        ratio(self.relaxed, self.system)
    }
    pub fn relaxed_recall(&self) -> f64 {
        ratio(self.relaxed, self.gold)
    }
    pub fn relaxed_f1(&self) -> f64 {
        f1(self.relaxed_precision(), self.relaxed_recall())
    }
    pub fn type_accuracy(&self) -> f64 {
        ratio(self.type_match, self.relaxed)
    }
    pub fn value_accuracy(&self) -> f64 {
        ratio(self.value_match, self.relaxed)
    }
    pub fn value_f1(&self) -> f64 {
        self.relaxed_f1() * self.value_accuracy()
    }
}

/// Pairs system and gold expressions (both sorted by start) whose spans overlap, one to one,
/// left to right. Returns `(system index, gold index)` pairs.
pub fn align(system: &[Timex], gold: &[Timex]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut g = 0;
    for (s, sys) in system.iter().enumerate() {
        while g < gold.len() && gold[g].end <= sys.start {
            g += 1;
        }
        if g < gold.len() && gold[g].start < sys.end {
            pairs.push((s, g));
            g += 1;
        }
    }
    pairs
}

/// Scores one document.
pub fn score(system: &[Timex], gold: &[Timex]) -> Counts {
    let mut c = Counts {
        system: system.len(),
        gold: gold.len(),
        ..Counts::default()
    };
    for (s, g) in align(system, gold) {
        let (s, g) = (&system[s], &gold[g]);
        c.relaxed += 1;
        c.strict += usize::from(s.start == g.start && s.end == g.end);
        c.type_match += usize::from(s.kind == g.kind);
        c.value_match += usize::from(s.value == g.value);
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::TimexType;

    fn t(start: usize, end: usize, value: &str) -> Timex {
        Timex {
            start,
            end,
            text: String::new(),
            kind: TimexType::Date,
            value: value.to_string(),
            modifier: None,
            interval: None,
        }
    }

    #[test]
    fn pairs_overlaps_one_to_one_left_to_right() {
        let gold = [t(0, 10, "a"), t(12, 20, "b"), t(30, 35, "c")];
        // The first system span overlaps two gold spans: only the first is taken.
        let system = [t(5, 15, "a"), t(16, 18, "x"), t(40, 45, "d")];
        assert_eq!(align(&system, &gold), vec![(0, 0), (1, 1)]);
        let c = score(&system, &gold);
        assert_eq!((c.relaxed, c.strict, c.value_match), (2, 0, 1));
        assert!((c.relaxed_f1() - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.value_f1() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn identical_annotations_score_one() {
        let gold = [t(0, 4, "1998"), t(6, 9, "P1D")];
        let c = score(&gold, &gold);
        assert_eq!(c.strict_f1(), 1.0);
        assert_eq!(c.value_f1(), 1.0);
    }
}
