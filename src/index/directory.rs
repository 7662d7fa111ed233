//! The index directory as readers see it: tantivy's memory-mapped directory, except that
//! a directory that cannot be written (a read-only mount, no write permission) can still
//! be searched.
//!
//! A tantivy reader takes the index's meta lock, a file it creates, so that a writer's
//! clean-up does not delete segment files while they are being opened. Where no file can
//! be created, no writer can delete any either, so the lock is not needed and is skipped.

use std::io;
use std::path::Path;
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};

/// An index directory opened for reading.
#[derive(Clone, Debug)]
pub struct ReadDirectory {
    inner: MmapDirectory,
}

impl ReadDirectory {
    pub fn open(dir: &Path) -> tantivy::Result<ReadDirectory> {
        Ok(ReadDirectory { inner: MmapDirectory::open(dir)? })
    }
}

/// True when a lock failed only because the directory cannot be written to.
fn unwritable(error: &LockError) -> bool {
    matches!(error, LockError::IoError(e)
        if matches!(e.kind(), io::ErrorKind::ReadOnlyFilesystem | io::ErrorKind::PermissionDenied))
}

impl Directory for ReadDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(e) if unwritable(&e) => Ok(DirectoryLock::from(Box::new(()))),
            result => result,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_unwritable_directories_skip_the_lock() {
        let io = |kind| LockError::IoError(Arc::new(io::Error::from(kind)));
        assert!(unwritable(&io(io::ErrorKind::ReadOnlyFilesystem)));
        assert!(unwritable(&io(io::ErrorKind::PermissionDenied)));
        assert!(!unwritable(&io(io::ErrorKind::StorageFull)));
        assert!(!unwritable(&LockError::LockBusy));
    }
}
