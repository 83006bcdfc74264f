//! Behaviour tests of the whole tagger, one family of expressions at a time.
