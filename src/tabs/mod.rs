//! One module per tab: its view state and how it draws.

pub mod growth;
pub mod rankings;
pub mod text;
