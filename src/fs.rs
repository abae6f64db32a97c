//! Writing files that may hold personal data.
//!
//! Files are written to a temporary file in the same folder, synced, and then
//! renamed over the target, so a reader never sees half a letter. On Unix the
//! file is created with mode 0600 and new folders with 0700.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// A short Dutch reason for an I/O error, for a message that names the file.
pub fn io_reason(e: &io::Error) -> &'static str {
    match e.kind() {
        io::ErrorKind::NotFound => "bestaat niet",
        io::ErrorKind::PermissionDenied => "geen toegang",
        io::ErrorKind::IsADirectory => "is een map",
        _ => "leesfout",
    }
}

/// Creates `dir` and its parents, new folders readable only by the owner.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Writes `bytes` to `path` atomically (temporary file, rename), readable
/// only by the owner, without waiting for the disk: a batch writes a group of
/// files this way and then makes them durable at once with [`sync_filesystem`].
pub fn write_private_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, false)
}

/// Makes every write to the file system that holds `dir` durable (Linux
/// `syncfs`; elsewhere a sync of the folder). One call stands for an fsync
/// of every file written since the last one.
pub fn sync_filesystem(dir: &Path) -> io::Result<()> {
    let handle = File::open(dir)?;
    #[cfg(target_os = "linux")]
    {
        rustix::fs::syncfs(&handle).map_err(io::Error::from)
    }
    #[cfg(not(target_os = "linux"))]
    {
        handle.sync_all()
    }
}

/// Whether a file name is one of helder's temporary files (`.<name>.<pid>.tmp`),
/// left behind only when a process was killed halfway through a write.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Writes `bytes` to `path` atomically, readable only by the owner.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, bytes, true)
}

fn write_with(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "geen bestandsnaam"))?
        .to_string_lossy();
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = open_private(&temp)?;
        file.write_all(bytes)?;
        if sync {
            file.sync_all()?;
        }
        fs::rename(&temp, path)?;
        if sync && let Ok(dir_handle) = File::open(dir) {
            // Make the rename durable; not every platform can sync a folder.
            let _ = dir_handle.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn open_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_privately() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub").join("brief.html");
        create_private_dir(target.parent().unwrap()).unwrap();
        write_private(&target, b"eerste").unwrap();
        write_private(&target, b"tweede").unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"tweede");
        let leftovers: Vec<_> = fs::read_dir(target.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary files stay behind");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                fs::metadata(&target).unwrap().permissions().mode() & 0o777,
                0o600
            );
            assert_eq!(
                fs::metadata(target.parent().unwrap())
                    .unwrap()
                    .permissions()
                    .mode()
                    & 0o777,
                0o700
            );
        }
    }
}
