//! sns-tui: a terminal explorer for "LINE me!" (2013) and the figures
//! behind it. The binary, the tests and the benchmarks share this library.

pub mod dataset;
