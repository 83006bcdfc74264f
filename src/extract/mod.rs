//! From articles to dated candidate events, each traceable to the sentence it came from.
