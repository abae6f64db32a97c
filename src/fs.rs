//! Writing files that may hold personal data.
//!
//! Files are written to a temporary file in the same folder, synced, and then
//! renamed over the target, so a reader never sees half a letter. On Unix the
//! file is created with mode 0600 and new folders with 0700.
//!
//! Nothing is written through a symbolic link: the folder a file goes into
//! is opened without following a link (a folder that is a link is refused
//! with a [`link_error`]), and the temporary file is made
//! and renamed inside that opened folder, so a link put in place halfway
//! cannot redirect the write.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// A short Dutch reason for an I/O error, for a message that names the file.
pub fn io_reason(e: &io::Error) -> &'static str {
    use io::ErrorKind as K;
    if is_link_error(e) {
        return "is een koppeling (symbolische link)";
    }
    match e.kind() {
        K::NotFound => "bestaat niet",
        K::PermissionDenied => "geen toegang",
        K::IsADirectory => "is een map",
        K::NotADirectory => "is geen map",
        K::StorageFull | K::QuotaExceeded => "de schijf is vol",
        K::ReadOnlyFilesystem => "de schijf is alleen lezen",
        K::FileTooLarge => "het bestand is te groot",
        K::InvalidData => "geen UTF-8-tekst",
        _ => "het bestandssysteem gaf een fout",
    }
}

/// What to do about a write that failed for `e`, in Dutch (a sentence without
/// its full stop): the fix for the cause, not for every cause at once.
pub fn write_fix(e: &io::Error) -> &'static str {
    use io::ErrorKind as K;
    if is_link_error(e) {
        return "Haal de koppeling weg en maak een gewone map, of kies een andere map met --out";
    }
    match e.kind() {
        K::StorageFull | K::QuotaExceeded => {
            "Maak ruimte op de schijf, of kies een andere map met --out"
        }
        K::ReadOnlyFilesystem => {
            "Kies een andere map met --out, of laat de schijf weer beschrijfbaar maken"
        }
        K::PermissionDenied => {
            "Vraag de beheerder om schrijfrechten op de map, of kies een andere map met --out"
        }
        K::NotADirectory => "Geef bij --out een map, geen bestand",
        _ => "Controleer de map en de schijf, of kies een andere map met --out",
    }
}

/// Creates `dir` and its parents, new folders readable only by the owner.
/// A `dir` that is a symbolic link is refused, also when it points to a folder.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    if is_link(dir) {
        return Err(link_error());
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    if is_link(dir) {
        return Err(link_error());
    }
    Ok(())
}

/// Whether `path` is a symbolic link (a dangling one too).
pub fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// A symbolic link where helder expected a folder or a file of its own.
#[derive(Debug)]
struct IsALink;

impl std::fmt::Display for IsALink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("is een koppeling (symbolische link)")
    }
}

impl std::error::Error for IsALink {}

/// The error for a link where helder expected a folder or a file of its own.
pub fn link_error() -> io::Error {
    io::Error::other(IsALink)
}

/// Whether an error is [`link_error`], or the system's own for a link that
/// was not followed (ELOOP).
pub fn is_link_error(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<IsALink>())
        || (cfg!(unix) && e.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()))
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

/// Replaces an existing file atomically (a temporary file, then a rename), and
/// gives it back the permissions it had: for a file the author edits, such as a
/// template that `helder lint --fix` changes. Between the rename and the
/// permissions the file is readable by its owner only, never by more.
pub fn replace_keeping_permissions(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let permissions = fs::metadata(path)?.permissions();
    write_private(path, bytes)?;
    fs::set_permissions(path, permissions)
}

#[cfg(unix)]
fn write_with(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    use rustix::fs::{AtFlags, Mode, OFlags, openat, renameat, unlinkat};
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "geen bestandsnaam"))?;
    let folder = open_folder(dir)?;
    let temp = format!(
        ".{}.{}.tmp",
        file_name.to_string_lossy(),
        std::process::id()
    );
    let result = (|| {
        let fd = openat(
            &folder,
            temp.as_str(),
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::from_raw_mode(0o600),
        )?;
        let mut file = File::from(fd);
        file.write_all(bytes)?;
        if sync {
            file.sync_all()?;
        }
        renameat(&folder, temp.as_str(), &folder, file_name)?;
        if sync {
            // Make the rename durable; not every file system can sync a folder.
            let _ = rustix::fs::fsync(&folder);
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = unlinkat(&folder, temp.as_str(), AtFlags::empty());
    }
    result
}

/// Opens a folder to write into, without following a link.
#[cfg(unix)]
fn open_folder(dir: &Path) -> io::Result<std::os::fd::OwnedFd> {
    use rustix::fs::{Mode, OFlags};
    rustix::fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .map_err(|e| {
        // O_NOFOLLOW on a link gives ELOOP, or ENOTDIR together with O_DIRECTORY.
        if is_link(dir) {
            link_error()
        } else {
            io::Error::from(e)
        }
    })
}

#[cfg(not(unix))]
fn write_with(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if is_link(dir) || is_link(path) {
        return Err(link_error());
    }
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "geen bestandsnaam"))?
        .to_string_lossy();
    let temp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(bytes)?;
        if sync {
            file.sync_all()?;
        }
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
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

    #[cfg(unix)]
    #[test]
    fn nothing_is_written_through_a_folder_that_is_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elders");
        fs::create_dir(&elsewhere).unwrap();
        let link = dir.path().join("brieven");
        std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
        let error = write_private(&link.join("brief.html"), b"x").unwrap_err();
        assert!(is_link_error(&error), "{error}");
        assert!(is_link_error(&create_private_dir(&link).unwrap_err()));
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
        assert_eq!(io_reason(&error), "is een koppeling (symbolische link)");
    }

    #[test]
    fn a_write_error_says_its_cause_and_the_fix_for_it() {
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert_eq!(io_reason(&full), "de schijf is vol");
        assert!(write_fix(&full).contains("ruimte"));
        let read_only = io::Error::from(io::ErrorKind::ReadOnlyFilesystem);
        assert!(!write_fix(&read_only).contains("ruimte"));
    }
}
