//! Writing a [`Plan`]: only files whose bytes change, each atomically (temporary file beside it,
//! rename), all of them synced to disk together, then the state file.
//!
//! Syncing one file at a time cost a disk round trip per event: 8,846 new events took 40 s of
//! waiting for 6 s of work. Syncs issued together share the disk's journal commits, and the
//! state file, which records what annals wrote, is written only once they all returned.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::plan::Plan;
use super::state::{self, STATE_FILE};

/// What [`Plan::apply`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyReport {
    /// Event files written, in name order.
    pub written: Vec<PathBuf>,
    /// Whether the state file changed.
    pub state_written: bool,
}

impl Plan {
    /// Writes the planned files into `events_dir`, then the state file.
    ///
    /// Before writing anything it checks that no planned file changed since [`super::load`]
    /// read it (and that new files still do not exist); if one did, nothing is written.
    pub fn apply(&self, events_dir: &Path) -> anyhow::Result<ApplyReport> {
        // Files are synced together and the folder once, in apply_with, before the state file.
        self.apply_with(events_dir, |path, bytes| {
            write_atomic_with(path, bytes, |from, to| std::fs::rename(from, to), false)
        })
    }

    /// [`Plan::apply`] with the writing of event files injectable, so tests can make it fail.
    pub(crate) fn apply_with(
        &self,
        events_dir: &Path,
        write_file: impl Fn(&Path, &[u8]) -> anyhow::Result<()>,
    ) -> anyhow::Result<ApplyReport> {
        for write in &self.writes {
            let path = events_dir.join(&write.name);
            let current = match std::fs::read(&path) {
                Ok(bytes) => Some(state::hash(&bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot read {}", path.display()));
                }
            };
            if current != write.expected {
                bail!(
                    "{} changed while annals was running; nothing was written, run the command again",
                    path.display()
                );
            }
        }
        if !self.writes.is_empty() {
            std::fs::create_dir_all(events_dir)
                .with_context(|| format!("cannot create {}", events_dir.display()))?;
        }
        let mut report = ApplyReport::default();
        let mut state = self.state.clone();
        for write in &self.writes {
            let path = events_dir.join(&write.name);
            if let Err(e) = write_file(&path, &write.bytes) {
                // Record what was written, so those files are not mistaken for edited ones.
                sync_together(&report.written);
                let _ = write_state(events_dir, &state);
                return Err(e);
            }
            if let Some(record) = &write.record {
                state.files.insert(write.name.clone(), record.clone());
            }
            report.written.push(path);
        }
        if !report.written.is_empty() {
            sync_together(&report.written);
        }
        report.state_written = write_state(events_dir, &state)?;
        Ok(report)
    }
}

/// Writes the state file if its bytes change; returns whether it did.
fn write_state(events_dir: &Path, state: &state::State) -> anyhow::Result<bool> {
    let path = events_dir.join(STATE_FILE);
    let bytes = state.to_bytes();
    if std::fs::read(&path).ok().as_deref() == Some(&bytes[..]) {
        return Ok(false);
    }
    std::fs::create_dir_all(events_dir)
        .with_context(|| format!("cannot create {}", events_dir.display()))?;
    write_atomic(&path, &bytes)?;
    Ok(true)
}

/// Replaces `path` with `bytes` so that a reader sees either the old or the new file, never a
/// partial one.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_atomic_with(path, bytes, |from, to| std::fs::rename(from, to), true)
}

/// How many syncs are in flight at once: enough for the disk to fold them into few journal
/// commits, few enough to stay a handful of threads.
const SYNCS_IN_FLIGHT: usize = 32;

/// Flushes `files` (all in one folder) and their folder to disk; best effort, like
/// [`sync_dir`]. On Linux one `syncfs` flushes the whole file system in one journal commit;
/// elsewhere the files are synced many at a time.
fn sync_together(files: &[PathBuf]) {
    let Some(dir) = files.first().and_then(|f| f.parent()) else {
        return;
    };
    #[cfg(target_os = "linux")]
    if let Ok(folder) = std::fs::File::open(dir)
        && rustix::fs::syncfs(&folder).is_ok()
    {
        return;
    }
    let per_thread = files.len().div_ceil(SYNCS_IN_FLIGHT);
    std::thread::scope(|scope| {
        for chunk in files.chunks(per_thread) {
            scope.spawn(move || {
                for path in chunk {
                    if let Ok(file) = std::fs::File::open(path) {
                        let _ = file.sync_all();
                    }
                }
            });
        }
    });
    sync_dir(dir);
}

/// [`write_atomic`] with the final rename injectable, so tests can make it fail. `sync` syncs the
/// file before its rename and the folder after it; without it the caller syncs.
fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    rename: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
    sync: bool,
) -> anyhow::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        if sync {
            file.sync_all()?;
        }
        drop(file);
        rename(&temp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(e).with_context(|| format!("cannot write {}", path.display()));
    }
    if sync {
        sync_dir(dir);
    }
    Ok(())
}

/// Makes renames in `dir` durable; not every platform can open a folder, so best effort.
fn sync_dir(dir: &Path) {
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_rename_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.yaml");
        std::fs::write(&path, "old\n").unwrap();
        let err = write_atomic_with(
            &path,
            b"new\n",
            |_, _| Err(std::io::Error::other("simulated failure")),
            true,
        )
        .unwrap_err();
        assert_eq!(
            format!("{err:#}"),
            format!("cannot write {}: simulated failure", path.display())
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["e.yaml"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_leaves_the_old_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.yaml");
        std::fs::write(&path, "old\n").unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        // Root ignores folder permissions; the test says nothing there.
        let privileged = std::fs::write(dir.path().join("probe"), "").is_ok();
        if !privileged {
            assert!(write_atomic(&path, b"new\n").is_err());
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "old\n");
        }
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn writes_new_and_replaces_existing_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.yaml");
        write_atomic(&path, b"one\n").unwrap();
        write_atomic(&path, b"two\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
