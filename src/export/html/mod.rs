//! The HTML reports: the frame, style sheet and pictures every one of them
//! shares are [`page`].

pub mod page;
