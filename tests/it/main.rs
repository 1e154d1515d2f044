//! Every integration test, as one test binary: one link instead of a dozen
//! each time the library changes, and one run in which tests of different
//! files share the cores. (A mutation test builds the suite hundreds of
//! times; see the README's "Mutation testing".)
//!
//! `bounds` installs this binary's global allocator; it counts per thread,
//! so tests of other modules running beside those are neither counted nor
//! slowed enough to matter.

mod bench_data;
mod bounds;
mod cli;
mod common;
mod dataset;
mod facts;
mod hostile;
mod keys;
mod limits;
mod props;
mod pty;
mod readme;
mod render;
mod schema;
