//! Tests of the store as a whole: loading, planning and applying together.
