//! What the file on disk looked like when okr last read or wrote it: its
//! length and an XXH3 hash of its bytes, so that a save can tell whether
//! someone else changed the file since. The same bytes give the same
//! fingerprint however they are handed over (whole, as they are written, as
//! they are read back in blocks).

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;

use xxhash_rust::xxh3::Xxh3;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u128,
}

/// A fingerprint taken as the bytes come.
#[derive(Clone, Default)]
pub struct Hashing {
    state: Xxh3,
    len: u64,
}

impl Hashing {
    pub fn update(&mut self, bytes: &[u8]) {
        self.len += bytes.len() as u64;
        self.state.update(bytes);
    }

    pub fn finish(&self) -> Fingerprint {
        Fingerprint {
            len: self.len,
            hash: self.state.digest128(),
        }
    }
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Fingerprint {
        let mut h = Hashing::default();
        h.update(bytes);
        h.finish()
    }

    /// The fingerprint of the file at `path`, read in blocks (never whole).
    pub fn of_file(path: &Path) -> io::Result<Fingerprint> {
        let mut file = fs::File::open(path)?;
        let mut h = Hashing::default();
        let mut buf = vec![0; 256 * 1024];
        loop {
            match file.read(&mut buf) {
                Ok(0) => return Ok(h.finish()),
                Ok(n) => h.update(&buf[..n]),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

/// A writer that hashes what passes through it on the way to `inner`.
pub struct HashingWriter<'a, W: Write + ?Sized> {
    pub inner: &'a mut W,
    pub hash: &'a mut Hashing,
}

impl<W: Write + ?Sized> Write for HashingWriter<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_bytes_in_any_pieces_give_the_same_fingerprint() {
        let bytes: Vec<u8> = (0..300_000u32).map(|n| (n % 251) as u8).collect();
        let mut pieces = Hashing::default();
        for chunk in bytes.chunks(7_001) {
            pieces.update(chunk);
        }
        assert_eq!(pieces.finish(), Fingerprint::of(&bytes));
        let mut other = bytes.clone();
        other[150_000] ^= 1;
        assert_ne!(Fingerprint::of(&other), Fingerprint::of(&bytes));
    }
}
