//! Several processes on one log, and kills at chosen moments: a sound log is
//! never moved aside, nothing committed is lost, and a migration that is cut
//! short leaves at most one copy of the old file, and a whole one.
//!
//! The other processes are this test binary run again with `ROLLSAFE_MP`
//! naming their part (a writer, a holder, a migrator) and the log's path.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test and measuring code: the workspace lints keep these out of the shipped code only"
)]

mod support;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use chrono::TimeDelta;
use rollsafe_core::{DeviceKind, Error, Store};
use rusqlite::Connection;
use support::{add_device, at, soak};

const ROLE: &str = "ROLLSAFE_MP";
const PATH: &str = "ROLLSAFE_MP_PATH";
const COUNT: &str = "ROLLSAFE_MP_COUNT";

fn role() -> Option<String> {
    std::env::var(ROLE).ok()
}

/// In a child: the part `ROLLSAFE_MP` names.
#[test]
fn multi_process_child() {
    let Some(role) = role() else {
        return; // Run only as a child of the tests below.
    };
    let path = PathBuf::from(std::env::var(PATH).unwrap());
    match role.as_str() {
        "writer" => write_cleanings(&path),
        "holder" => {
            let store = Store::open(&path).unwrap();
            println!("state=open");
            std::io::stdout().flush().unwrap();
            let _ = std::io::stdin().read(&mut [0_u8; 1]);
            drop(store);
        }
        "migrator" => {
            let store = Store::open(&path).unwrap();
            println!("state=migrated {}", store.devices().unwrap().len());
        }
        other => panic!("unknown role {other}"),
    }
}

/// Records `ROLLSAFE_MP_COUNT` cleanings (its own device, so writers do not
/// meet), printing each id once committed, then waits for standard input to
/// close before closing the store.
fn write_cleanings(path: &Path) {
    let count: i64 = std::env::var(COUNT).unwrap().parse().unwrap();
    let start = at("2026-03-01T10:00:00+01:00");
    let store = Store::open(path).unwrap();
    let device = add_device(&store, DeviceKind::Roller, 0.25, "Roller", start);
    let mut out = std::io::stdout().lock();
    for i in 0..count {
        let when = start + TimeDelta::seconds(i);
        let id = store
            .record_cleaning(soak(device, when), when)
            .unwrap()
            .value
            .id;
        writeln!(out, "id={id}").unwrap();
        out.flush().unwrap();
    }
    writeln!(out, "state=done").unwrap();
    out.flush().unwrap();
    drop(out);
    let _ = std::io::stdin().read(&mut [0_u8; 1]);
    drop(store);
}

fn spawn(role: &str, path: &Path, count: usize) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "multi_process_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(ROLE, role)
        .env(PATH, path)
        .env(COUNT, count.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// Reads a child's output lines on a thread, as they come.
fn lines_of(child: &mut Child) -> mpsc::Receiver<String> {
    let (sent, received) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if sent.send(line).is_err() {
                break;
            }
        }
    });
    received
}

/// The ids a writer printed (the test harness may print its own words
/// before the first one, on the same line).
fn ids_only(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .filter_map(|l| l.split_once("id=").map(|(_, id)| id.to_owned()))
        .collect()
}

/// Whether a child's line says it reached `state`.
fn says(line: &str, state: &str) -> bool {
    line.ends_with(&format!("state={state}"))
}

fn stored_cleaning_ids(path: &Path) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut ids: Vec<String> = conn
        .prepare("SELECT id FROM cleanings")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rollsafe_core::sorting::sort(&mut ids);
    ids
}

fn integrity_is_ok(path: &Path) -> bool {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .unwrap()
        == "ok"
}

#[test]
fn writers_and_an_opener_during_checkpoints_move_nothing_and_lose_nothing() {
    if role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    drop(Store::open(&path).unwrap());
    let mut writers: Vec<Child> = (0..2).map(|_| spawn("writer", &path, 700)).collect();
    let outputs: Vec<mpsc::Receiver<String>> = writers.iter_mut().map(lines_of).collect();
    let mut seen: Vec<Vec<String>> = vec![Vec::new(); writers.len()];
    let mut opens = 0;
    let deadline = Instant::now() + Duration::from_secs(120);
    while seen
        .iter()
        .any(|s| !s.last().is_some_and(|l| says(l, "done")))
    {
        assert!(Instant::now() < deadline, "the writers did not finish");
        let store = Store::open(&path)
            .unwrap_or_else(|e| panic!("open {opens} failed while others wrote: {e}"));
        store.devices().unwrap();
        drop(store);
        opens += 1;
        for (output, lines) in outputs.iter().zip(&mut seen) {
            lines.extend(output.try_iter());
        }
    }
    for writer in &mut writers {
        drop(writer.stdin.take());
        assert!(writer.wait().unwrap().success());
    }
    println!("{opens} opens while two processes wrote 1,400 cleanings");
    assert!(opens > 10, "the opener ran while the writers wrote");
    assert_eq!(
        support::moved_aside(dir.path()),
        Vec::<String>::new(),
        "nothing was moved aside"
    );
    let mut committed: Vec<String> = seen.iter().flat_map(|l| ids_only(l)).collect();
    rollsafe_core::sorting::sort(&mut committed);
    assert_eq!(committed.len(), 1400);
    assert_eq!(
        stored_cleaning_ids(&path),
        committed,
        "every committed write is there"
    );
    assert!(integrity_is_ok(&path));
}

/// The page size RollSafe's files use.
const PAGE: usize = 4096;

/// Writes the newest committed copy of page 1 in the WAL (the header a
/// checkpoint writes first, with the grown database size) over the main
/// file's first page: the state a checkpoint leaves when it is killed, or
/// runs out of space, right after writing it.
fn write_page_one_from_wal(path: &Path) {
    let wal = fs::read(format!("{}-wal", path.display())).unwrap();
    let frame = 24 + PAGE;
    let salt = &wal[16..24];
    let mut newest_page_one = None;
    let mut committed_page_one = None;
    // Frames of the WAL's current generation carry its salt; the rest are
    // left over from before its last restart.
    for at in (32..wal.len().saturating_sub(frame - 1)).step_by(frame) {
        if &wal[at + 8..at + 16] != salt {
            break;
        }
        if wal[at..at + 4] == [0, 0, 0, 1] {
            newest_page_one = Some(at);
        }
        if wal[at + 4..at + 8] != [0, 0, 0, 0] {
            committed_page_one = newest_page_one;
        }
    }
    let at = committed_page_one.expect("page 1 is in the WAL");
    let page = &wal[at + 24..at + 24 + PAGE];
    let mut main = fs::read(path).unwrap();
    main[..PAGE].copy_from_slice(page);
    fs::write(path, &main).unwrap();
    let header_pages = u32::from_be_bytes(page[28..32].try_into().unwrap()) as usize;
    assert!(
        main.len() < header_pages * PAGE,
        "the main file ({} pages) is now shorter than its header says ({header_pages})",
        main.len() / PAGE
    );
}

#[test]
fn a_log_whose_checkpoint_was_cut_short_opens_whole() {
    if role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    // Enough cleanings for the file to grow by some pages after the last
    // checkpoint, too few to reach the next one (at 1,000 WAL frames).
    let mut writer = spawn("writer", &path, 250);
    let output = lines_of(&mut writer);
    let lines: Vec<String> = output.iter().take_while(|l| !says(l, "done")).collect();
    writer.kill().unwrap(); // Killed with every change still in the WAL.
    writer.wait().unwrap();
    write_page_one_from_wal(&path);

    let store = Store::open(&path).expect("a sound log with its WAL opens");
    drop(store);
    assert_eq!(
        support::moved_aside(dir.path()),
        Vec::<String>::new(),
        "nothing was moved aside"
    );
    let mut committed = ids_only(&lines);
    rollsafe_core::sorting::sort(&mut committed);
    assert_eq!(committed.len(), 250);
    assert_eq!(stored_cleaning_ids(&path), committed);
    assert!(integrity_is_ok(&path));
}

/// Whether the main file is shorter than the size its header records: the
/// moment inside a checkpoint that the old header check took for damage.
fn header_runs_ahead(path: &Path) -> bool {
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut header = [0_u8; 100];
    if file.read_exact(&mut header).is_err() {
        return false;
    }
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    let pages = u32::from_be_bytes(header[28..32].try_into().unwrap()) as u64;
    header[24..28] == header[92..96] && len < pages * PAGE as u64
}

#[test]
fn a_kill_at_the_moment_a_checkpoint_grows_the_file_loses_nothing() {
    if role().is_some() {
        return;
    }
    let mut caught = 0;
    for attempt in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.sqlite3");
        let mut writer = spawn("writer", &path, 3000);
        let output = lines_of(&mut writer);
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut killed_at_checkpoint = false;
        while Instant::now() < deadline && writer.try_wait().unwrap().is_none() {
            // Polling opens the main file: this process holds no connection
            // to it, so no SQLite lock of ours can be dropped by it.
            if header_runs_ahead(&path) {
                writer.kill().unwrap();
                killed_at_checkpoint = true;
                break;
            }
        }
        let _ = writer.kill();
        writer.wait().unwrap();
        let lines: Vec<String> = output.try_iter().collect();
        caught += usize::from(killed_at_checkpoint);
        let store = Store::open(&path)
            .unwrap_or_else(|e| panic!("attempt {attempt}: reopening failed: {e}"));
        drop(store);
        assert_eq!(
            support::moved_aside(dir.path()),
            Vec::<String>::new(),
            "attempt {attempt}"
        );
        let committed = ids_only(&lines);
        let stored = stored_cleaning_ids(&path);
        assert!(
            committed.iter().all(|id| stored.binary_search(id).is_ok()),
            "attempt {attempt}: a committed cleaning is missing"
        );
        assert!(integrity_is_ok(&path), "attempt {attempt}");
    }
    println!("killed inside a checkpoint in {caught} of 6 attempts");
}

#[test]
fn a_damaged_log_that_another_process_holds_open_is_left_in_place() {
    if role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    {
        let store = Store::open(&path).unwrap();
        let now = at("2026-03-01T10:00:00+01:00");
        for n in 0..200 {
            add_device(
                &store,
                DeviceKind::Roller,
                0.25,
                &format!("Roller {n}"),
                now,
            );
        }
    }
    let mut holder = spawn("holder", &path, 0);
    let output = lines_of(&mut holder);
    assert!(
        output.iter().any(|l| says(&l, "open")),
        "the holder opened the log"
    );
    // Scribble over a page full of devices, from outside SQLite.
    let mut bytes = fs::read(&path).unwrap();
    let page = bytes.len() / PAGE - 2;
    bytes[page * PAGE + 8..page * PAGE + 2048].fill(0x5a);
    fs::write(&path, &bytes).unwrap();

    match Store::open(&path) {
        Err(Error::DamagedInUse { .. }) => {}
        other => panic!("expected DamagedInUse, got {:?}", other.map(|_| ())),
    }
    assert!(
        path.exists(),
        "the file was left where the other process has it"
    );
    assert_eq!(support::moved_aside(dir.path()), Vec::<String>::new());

    drop(holder.stdin.take());
    assert!(holder.wait().unwrap().success());
    // The holder closed cleanly: the open reads header and schema only, and
    // the checkpoint the app makes on going to the background reads the
    // rest, leaving the next open to move the file aside.
    let found = Store::open(&path).and_then(|store| store.checkpoint());
    assert!(
        matches!(found, Err(Error::DamagedInUse { .. })),
        "{found:?}"
    );
    match Store::open(&path) {
        Err(Error::Damaged { kept_at, .. }) => assert!(kept_at.exists()),
        other => panic!(
            "expected Damaged once nobody holds it, got {:?}",
            other.map(|_| ())
        ),
    }
}

#[test]
fn a_damaged_log_that_this_process_holds_open_is_left_in_place() {
    if role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.sqlite3");
    let now = at("2026-03-01T10:00:00+01:00");
    let first = Store::open(&path).unwrap();
    for n in 0..200 {
        add_device(
            &first,
            DeviceKind::Roller,
            0.25,
            &format!("Roller {n}"),
            now,
        );
    }
    assert!(first.checkpoint().unwrap());
    // Corrupt it from another process: opening and closing the file here
    // would drop the SQLite locks `first` holds.
    let size = fs::metadata(&path).unwrap().len() as usize;
    let offset = (size / PAGE - 2) * PAGE + 8;
    let status = Command::new("python3")
        .args([
            "-c",
            "import sys\nf=open(sys.argv[1],'r+b')\nf.seek(int(sys.argv[2]))\nf.write(b'Z'*2040)",
        ])
        .arg(&path)
        .arg(offset.to_string())
        .status()
        .unwrap();
    assert!(status.success());
    match Store::open(&path) {
        Err(Error::DamagedInUse { .. }) => {}
        other => panic!("expected DamagedInUse, got {:?}", other.map(|_| ())),
    }
    assert!(path.exists());
    assert_eq!(support::moved_aside(dir.path()), Vec::<String>::new());
}

fn copies_of_v1(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".v1-backup"))
        .collect();
    rollsafe_core::sorting::sort(&mut names);
    names
}

fn device_count(path: &Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("SELECT COUNT(*) FROM devices", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_migration_killed_at_any_moment_leaves_one_whole_copy_at_most() {
    if role().is_some() {
        return;
    }
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3");
    let devices = device_count(&fixture);
    assert!(devices > 0);
    let mut killed_midway = 0;
    for attempt in 0..24_u64 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("log.sqlite3");
        fs::copy(&fixture, &path).unwrap();
        // Kill at a spread of moments: before, during and after the copy.
        for _ in 0..2 {
            let mut child = spawn("migrator", &path, 0);
            thread::sleep(Duration::from_micros(attempt * 1500));
            let _ = child.kill();
            let finished = child.wait().unwrap().success();
            killed_midway += usize::from(!finished);
            let copies = copies_of_v1(dir.path());
            let whole: Vec<&String> = copies
                .iter()
                .filter(|n| {
                    !n.ends_with(".partial")
                        && !n.ends_with("-journal")
                        && !n.ends_with(".partial-journal")
                })
                .collect();
            assert!(whole.len() <= 1, "attempt {attempt}: copies {copies:?}");
            for copy in whole {
                let copy = dir.path().join(copy);
                assert!(
                    !dir.path()
                        .join(format!("{}-journal", copy.display()))
                        .exists(),
                    "attempt {attempt}: a copy with a hot journal"
                );
                assert_eq!(
                    device_count(&copy),
                    devices,
                    "attempt {attempt}: the copy is whole"
                );
            }
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.devices().unwrap().len() as i64, devices);
        drop(store);
        let copies = copies_of_v1(dir.path());
        assert_eq!(copies, ["log.sqlite3.v1-backup"], "attempt {attempt}");
        assert_eq!(device_count(&dir.path().join(&copies[0])), devices);
    }
    println!("{killed_midway} of 48 opens were killed before they finished");
}
