//! Memory maps of large input files: the only `unsafe` code of the workspace.
//!
//! # Contract
//!
//! `memmap2::Mmap::map` is unsafe because the mapped bytes can change (or
//! vanish: SIGBUS) if another process writes to or truncates the file while
//! it is mapped, which would break the guarantee that a `&[u8]` never
//! changes. The tool accepts that risk, like grep-like tools do, because:
//!
//! * it maps only regular files (never pipes, sockets or devices), opened
//!   read-only, and only those above [`super::MMAP_THRESHOLD`], where reading
//!   them into memory would double the peak memory of a run;
//! * the mapping is private to this module: callers only get a `&[u8]`
//!   borrowed from [`Mapped`], which lives until the file's report is built;
//! * the files are captures and exports at rest. Validating a file while it is
//!   being rewritten gives meaningless results whichever way it is read.
//!
//! Nothing else in the workspace uses `unsafe` (the workspace lints deny it).
#![allow(unsafe_code)]

use std::fs::File;
use std::io;

/// A read-only memory map of a whole file.
#[derive(Debug)]
pub(crate) struct Mapped {
    map: memmap2::Mmap,
}

impl Mapped {
    /// Maps `file` read-only. The caller checked it is a regular file.
    pub fn new(file: &File) -> io::Result<Self> {
        // SAFETY: see the module contract: a read-only mapping of a regular
        // file at rest; the bytes are only read through `bytes()`, borrowed
        // from `self`, so they cannot outlive the mapping.
        let map = unsafe { memmap2::Mmap::map(file)? };
        Ok(Mapped { map })
    }

    /// The file's bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.map
    }
}
