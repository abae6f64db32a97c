//! The output folder of a batch, as one run holds it: one run at a time,
//! no folder or file of helder's that is a link, and a warning when others
//! can read it.
//!
//! - [`lock`] takes an exclusive advisory lock (`flock`) on the folder
//!   itself for as long as the [`FolderLock`] lives: a second `helder batch`
//!   on the same folder stops at once, or waits with `--wait`, and the call
//!   page of `helder serve` takes the same lock for each call it records.
//!   Where the file system cannot lock (some network shares), the journal
//!   holds SQLite's exclusive lock for the run instead (see
//!   [`FolderLock::advisory`]).
//! - [`lock`] refuses an output folder that is a link, and
//!   [`check_folder`] and [`check_file`] do the same for `letters/`,
//!   `tasks/`, `contacts/`, `helder.db` (and its `-wal` and `-shm`),
//!   `summary.json` and `errors.ndjson`: a link is never helder's.
//! - A new folder is made readable only by its owner (0700); an existing one
//!   that others may read gives a warning ([`wide_permissions`]).

use std::io;
use std::path::{Path, PathBuf};

/// Why the output folder cannot be used. Every message names the path.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    /// Another run holds the folder.
    #[error(
        "de map {0} is in gebruik door een andere helder batch (of door de belpagina van helder serve). Er is niets gedaan. Wacht tot die klaar is, of start opnieuw met --wait om erop te wachten."
    )]
    Busy(PathBuf),
    /// A folder or file helder would write is a symbolic link.
    #[error(
        "{0} is een koppeling (symbolische link); helder schrijft niet via een koppeling. Er is niets gedaan. Haal de koppeling weg en maak een gewone map, of kies een andere map met --out."
    )]
    Link(PathBuf),
    /// The output path is not a folder.
    #[error("{0} is geen map. Er is niets gedaan. Geef bij --out een map, geen bestand.")]
    NotAFolder(PathBuf),
    /// A file helder would replace was not made by helder.
    #[error(
        "{0} bestaat al en is niet door helder gemaakt; helder overschrijft het niet. Er is niets gedaan. Haal het weg of kies een andere map met --out."
    )]
    Foreign(PathBuf),
    /// The folder cannot be made, opened or locked.
    #[error("de map {path} kan niet worden geschreven ({}). Er is niets gedaan. {}.", crate::fs::io_reason(.error), crate::fs::write_fix(.error))]
    Io {
        /// The folder.
        path: PathBuf,
        /// What went wrong (its cause is in the message, in Dutch).
        error: io::Error,
    },
}

/// The output folder, held by this run until dropped.
#[derive(Debug)]
pub struct FolderLock {
    path: PathBuf,
    /// The open folder; the lock goes with it when it closes.
    #[cfg(unix)]
    _fd: std::os::fd::OwnedFd,
    advisory: bool,
}

impl FolderLock {
    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the file system holds the lock (`flock`). When it cannot, the
    /// run must hold the journal exclusively instead.
    pub fn advisory(&self) -> bool {
        self.advisory
    }
}

/// Makes the output folder (0700) when it is not there, refuses it when it
/// is a link or not a folder, and takes the lock: at once, or, with `wait`,
/// when the run that holds it ends (`waiting` is called first, once).
pub fn lock(out: &Path, wait: bool, waiting: &mut dyn FnMut()) -> Result<FolderLock, FolderError> {
    if crate::fs::is_link(out) {
        return Err(FolderError::Link(out.to_path_buf()));
    }
    match std::fs::metadata(out) {
        Ok(metadata) if !metadata.is_dir() => {
            return Err(FolderError::NotAFolder(out.to_path_buf()));
        }
        Ok(_) => {}
        Err(_) => crate::fs::create_private_dir(out).map_err(|source| io_error(out, source))?,
    }
    open_and_lock(out, wait, waiting)
}

#[cfg(unix)]
fn open_and_lock(
    out: &Path,
    wait: bool,
    waiting: &mut dyn FnMut(),
) -> Result<FolderLock, FolderError> {
    use rustix::fs::{FlockOperation, Mode, OFlags, flock};
    use rustix::io::Errno;
    let fd = rustix::fs::open(
        out,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| {
        if crate::fs::is_link(out) {
            FolderError::Link(out.to_path_buf())
        } else {
            io_error(out, e.into())
        }
    })?;
    let advisory = match flock(&fd, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => true,
        Err(Errno::WOULDBLOCK) if wait => {
            waiting();
            flock(&fd, FlockOperation::LockExclusive).map_err(|e| io_error(out, e.into()))?;
            true
        }
        Err(Errno::WOULDBLOCK) => return Err(FolderError::Busy(out.to_path_buf())),
        // The file system cannot lock: the journal's own lock stands in.
        Err(Errno::NOLCK | Errno::OPNOTSUPP | Errno::NOSYS | Errno::BADF | Errno::INVAL) => false,
        Err(e) => return Err(io_error(out, e.into())),
    };
    Ok(FolderLock {
        path: out.to_path_buf(),
        _fd: fd,
        advisory,
    })
}

#[cfg(not(unix))]
fn open_and_lock(
    out: &Path,
    _wait: bool,
    _waiting: &mut dyn FnMut(),
) -> Result<FolderLock, FolderError> {
    Ok(FolderLock {
        path: out.to_path_buf(),
        advisory: false,
    })
}

fn io_error(path: &Path, error: io::Error) -> FolderError {
    FolderError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// Makes `out/name` (0700) when it is not there; refuses it when it is a
/// link or not a folder.
pub fn check_folder(out: &Path, name: &str) -> Result<PathBuf, FolderError> {
    let path = out.join(name);
    if crate::fs::is_link(&path) {
        return Err(FolderError::Link(path));
    }
    match std::fs::metadata(&path) {
        Ok(metadata) if metadata.is_dir() => Ok(path),
        Ok(_) => Err(FolderError::NotAFolder(path)),
        Err(_) => {
            crate::fs::create_private_dir(&path).map_err(|source| io_error(&path, source))?;
            Ok(path)
        }
    }
}

/// What is at `out/name`: nothing, or a file; a link is refused, and so is a
/// folder where a file belongs.
pub fn check_file(out: &Path, name: &str) -> Result<Option<PathBuf>, FolderError> {
    let path = out.join(name);
    match std::fs::symlink_metadata(&path) {
        Err(_) => Ok(None),
        Ok(metadata) if metadata.file_type().is_symlink() => Err(FolderError::Link(path)),
        Ok(metadata) if metadata.is_file() => Ok(Some(path)),
        Ok(_) => Err(FolderError::Foreign(path)),
    }
}

/// The permissions of a folder (as `0755`) when others than its owner may
/// read or enter it; `None` when only the owner may, or on a system without them.
pub fn wide_permissions(dir: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir).ok()?.permissions().mode() & 0o777;
        (mode & 0o077 != 0).then_some(mode)
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

/// The warning for a folder others may read, in Dutch.
pub fn permission_warning(dir: &Path) -> Option<String> {
    wide_permissions(dir).map(|mode| {
        format!(
            "let op: andere gebruikers op deze computer kunnen in de map {} kijken (rechten {mode:04o}); de brieven en taken erin gaan over mensen. Maak de map alleen voor uzelf leesbaar: chmod 700 {}",
            dir.display(),
            dir.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_folder_is_refused_while_the_first_is_held() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("uit");
        let first = lock(&out, false, &mut || {}).unwrap();
        assert!(first.advisory());
        assert!(matches!(
            lock(&out, false, &mut || {}),
            Err(FolderError::Busy(_))
        ));
        drop(first);
        assert!(lock(&out, false, &mut || {}).is_ok());
        assert_eq!(wide_permissions(&out), None, "made 0700");
    }

    #[cfg(unix)]
    #[test]
    fn links_and_files_where_folders_belong_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elders");
        std::fs::create_dir(&elsewhere).unwrap();
        let out = dir.path().join("uit");
        std::os::unix::fs::symlink(&elsewhere, &out).unwrap();
        assert!(matches!(
            lock(&out, false, &mut || {}),
            Err(FolderError::Link(_))
        ));
        let out = dir.path().join("echt");
        std::fs::create_dir(&out).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("letters")).unwrap();
        assert!(matches!(
            check_folder(&out, "letters"),
            Err(FolderError::Link(_))
        ));
        std::fs::write(out.join("tasks"), "x").unwrap();
        assert!(matches!(
            check_folder(&out, "tasks"),
            Err(FolderError::NotAFolder(_))
        ));
        std::os::unix::fs::symlink(elsewhere.join("x"), out.join("helder.db")).unwrap();
        assert!(matches!(
            check_file(&out, "helder.db"),
            Err(FolderError::Link(_))
        ));
        assert!(matches!(check_file(&out, "summary.json"), Ok(None)));
    }
}
