//! The batch's input, one event at a time: an NDJSON file, a folder of JSON
//! files, or stdin. Nothing is read ahead beyond one group, so memory stays
//! flat however many events there are.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One event's text and where it came from.
#[derive(Debug, Clone)]
pub struct Item {
    /// The file ("stdin" for standard input).
    pub file: String,
    /// The 1-based line, for NDJSON.
    pub line: Option<usize>,
    /// The event's JSON text, or why it could not be read.
    pub text: Result<String, InputProblem>,
}

/// Why an event's text could not be read from the input: what is wrong and
/// what to do (the batch adds the file and line in its error record).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputProblem {
    /// The file cannot be opened or read; the reason in Dutch.
    #[error(
        "het bestand kan niet worden gelezen ({0}). Controleer het pad en of helder het bestand mag lezen."
    )]
    FileUnreadable(&'static str),
    /// A `.json` file is not UTF-8.
    #[error("het bestand is geen UTF-8-tekst. Exporteer de gebeurtenissen als UTF-8.")]
    FileNotUtf8,
    /// A `.json` file is larger than a file of events given as one may be.
    #[error(
        "het bestand is groter dan {megabytes} MB; geef zoveel gebeurtenissen als NDJSON (.ndjson), één per regel"
    )]
    FileTooLarge {
        /// The limit in MB.
        megabytes: usize,
    },
    /// A line is larger than any event.
    #[error(
        "de regel is groter dan {megabytes} MB; zo groot is geen gebeurtenis. Controleer de export uit het zaaksysteem"
    )]
    LineTooLong {
        /// The limit in MB.
        megabytes: usize,
    },
    /// A line is not UTF-8.
    #[error("de regel is geen UTF-8-tekst. Exporteer de gebeurtenissen als UTF-8.")]
    LineNotUtf8,
    /// Reading stopped in the middle of the input; the reason in Dutch.
    #[error(
        "de invoer kan niet verder worden gelezen ({0}). Controleer het bestand of de verbinding en start de batch opnieuw."
    )]
    Broken(&'static str),
}

impl Item {
    /// A key for input that has no usable event id: `input:<file>:<line>`.
    pub fn position_key(&self) -> String {
        let file = crate::event::bsn::mask_possible_bsns(&self.file);
        match self.line {
            Some(line) => format!("input:{file}:{line}"),
            None => format!("input:{file}"),
        }
    }
}

enum Current {
    Lines {
        file: String,
        reader: Box<dyn BufRead + Send>,
        line: usize,
    },
    Items(std::vec::IntoIter<Item>),
    Done,
}

/// Reads items from the input, in order.
pub struct Reader {
    files: std::vec::IntoIter<PathBuf>,
    current: Current,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader").finish_non_exhaustive()
    }
}

impl Reader {
    /// Opens `input`: a file, a folder (its `*.json`, `*.ndjson`, `*.jsonl`, sorted), or `-`.
    pub fn open(input: &Path) -> io::Result<Reader> {
        if input.as_os_str() == "-" {
            return Ok(Reader {
                files: Vec::new().into_iter(),
                current: Current::Lines {
                    file: "stdin".to_string(),
                    reader: Box::new(BufReader::new(io::stdin())),
                    line: 0,
                },
            });
        }
        let files = if input.is_dir() {
            crate::event::event_files(input)?
        } else {
            // Fail early and clearly when the file cannot be opened.
            File::open(input)?;
            vec![input.to_path_buf()]
        };
        Ok(Reader {
            files: files.into_iter(),
            current: Current::Done,
        })
    }

    /// How many events the input holds, when that can be known cheaply (not for stdin).
    pub fn count(input: &Path) -> Option<usize> {
        if input.as_os_str() == "-" {
            return None;
        }
        let reader = Reader::open(input).ok()?;
        let mut count = 0;
        // Counting lines is cheap; a JSON file counts as its events.
        for path in reader.files {
            if is_ndjson(&path) {
                count += count_lines(File::open(&path).ok()?).ok()?;
            } else {
                count += items_of_file(&path).len();
            }
        }
        Some(count)
    }

    fn next_file(&mut self) -> bool {
        let Some(path) = self.files.next() else {
            self.current = Current::Done;
            return false;
        };
        let name = path.display().to_string();
        self.current = if is_ndjson(&path) {
            match File::open(&path) {
                Ok(file) => Current::Lines {
                    file: name,
                    reader: Box::new(BufReader::new(file)),
                    line: 0,
                },
                Err(e) => Current::Items(
                    vec![Item {
                        file: name,
                        line: None,
                        text: Err(InputProblem::FileUnreadable(crate::fs::io_reason(&e))),
                    }]
                    .into_iter(),
                ),
            }
        } else {
            Current::Items(items_of_file(&path).into_iter())
        };
        true
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            match &mut self.current {
                Current::Done => {
                    if !self.next_file() {
                        return None;
                    }
                }
                Current::Items(items) => match items.next() {
                    Some(item) => return Some(item),
                    None => self.current = Current::Done,
                },
                Current::Lines { file, reader, line } => {
                    let mut bytes = Vec::new();
                    match read_line_capped(reader.as_mut(), &mut bytes) {
                        Ok(LineRead::End) => self.current = Current::Done,
                        Ok(LineRead::TooLong) => {
                            *line += 1;
                            return Some(Item {
                                file: file.clone(),
                                line: Some(*line),
                                text: Err(InputProblem::LineTooLong {
                                    megabytes: MAX_EVENT_BYTES / (1024 * 1024),
                                }),
                            });
                        }
                        Ok(LineRead::Line) => {
                            *line += 1;
                            if bytes.iter().all(u8::is_ascii_whitespace) {
                                continue;
                            }
                            let text =
                                String::from_utf8(bytes).map_err(|_| InputProblem::LineNotUtf8);
                            return Some(Item {
                                file: file.clone(),
                                line: Some(*line),
                                text,
                            });
                        }
                        Err(e) => {
                            *line += 1;
                            let item = Item {
                                file: file.clone(),
                                line: Some(*line),
                                text: Err(InputProblem::Broken(crate::fs::io_reason(&e))),
                            };
                            self.current = Current::Done;
                            return Some(item);
                        }
                    }
                }
            }
        }
    }
}

/// The lines of a text that are not blank, read in blocks of 64 KiB: a line
/// of any length costs no more memory than one block.
fn count_lines(mut input: impl Read) -> io::Result<usize> {
    let mut block = vec![0u8; 64 * 1024];
    let mut count = 0;
    let mut line_has_text = false;
    loop {
        let read = match input.read(&mut block) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for byte in &block[..read] {
            if *byte == b'\n' {
                count += usize::from(line_has_text);
                line_has_text = false;
            } else if !byte.is_ascii_whitespace() {
                line_has_text = true;
            }
        }
    }
    Ok(count + usize::from(line_has_text))
}

/// The largest event helder reads (1 MiB); a longer line is an error record,
/// and is skipped without being held in memory.
pub const MAX_EVENT_BYTES: usize = 1024 * 1024;

enum LineRead {
    Line,
    TooLong,
    End,
}

/// Reads one line into `bytes`, up to [`MAX_EVENT_BYTES`]; the rest of a longer line is skipped.
fn read_line_capped(reader: &mut dyn BufRead, bytes: &mut Vec<u8>) -> io::Result<LineRead> {
    let mut too_long = false;
    let mut any = false;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buffer.iter().position(|b| *b == b'\n') {
            Some(i) => (&buffer[..=i], true),
            None => (buffer, false),
        };
        let length = chunk.len();
        if !too_long {
            if bytes.len() + length > MAX_EVENT_BYTES {
                too_long = true;
                bytes.clear();
            } else {
                bytes.extend_from_slice(chunk);
            }
        }
        reader.consume(length);
        if done {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => LineRead::End,
        (true, true) => LineRead::TooLong,
        (true, false) => LineRead::Line,
    })
}

fn is_ndjson(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x == "ndjson" || x == "jsonl")
}

/// The events of a `.json` file: one (pretty-printed) object, or one a line.
fn items_of_file(path: &Path) -> Vec<Item> {
    let name = path.display().to_string();
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_EVENT_BYTES as u64 * 16) {
        return vec![Item {
            file: name,
            line: None,
            text: Err(InputProblem::FileTooLarge {
                megabytes: MAX_EVENT_BYTES * 16 / (1024 * 1024),
            }),
        }];
    }
    let mut text = String::new();
    let read = File::open(path).and_then(|mut f| f.read_to_string(&mut text));
    if let Err(e) = read {
        let problem = if e.kind() == io::ErrorKind::InvalidData {
            InputProblem::FileNotUtf8
        } else {
            InputProblem::FileUnreadable(crate::fs::io_reason(&e))
        };
        return vec![Item {
            file: name,
            line: None,
            text: Err(problem),
        }];
    }
    let trimmed = text.trim();
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let one_object = serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok();
    if one_object || lines.len() <= 1 || !trimmed.starts_with('{') {
        return vec![Item {
            file: name,
            line: None,
            text: Ok(trimmed.to_string()),
        }];
    }
    lines
        .into_iter()
        .map(|(i, l)| Item {
            file: name.clone(),
            line: Some(i + 1),
            text: Ok(l.to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_in_blocks_without_blank_ones() {
        assert_eq!(count_lines("a\n\n  \nb\nc".as_bytes()).unwrap(), 3);
        assert_eq!(count_lines("".as_bytes()).unwrap(), 0);
        // A line far longer than a block is one line.
        let long = format!("{}\nx\n", "y".repeat(200_000));
        assert_eq!(count_lines(long.as_bytes()).unwrap(), 2);
    }

    #[test]
    fn unreadable_input_is_an_item_with_its_problem_and_the_rest_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.ndjson"),
            b"{\"id\":\"e1\"}\n\xff\xfe\n{\"id\":\"e2\"}\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.json"), b"{\"id\": \"\xff\"}").unwrap();
        let items: Vec<Item> = Reader::open(dir.path()).unwrap().collect();
        let texts: Vec<(Option<usize>, Result<&str, InputProblem>)> = items
            .iter()
            .map(|item| (item.line, item.text.as_deref().map_err(Clone::clone)))
            .collect();
        assert_eq!(
            texts,
            vec![
                (Some(1), Ok("{\"id\":\"e1\"}\n")),
                (Some(2), Err(InputProblem::LineNotUtf8)),
                (Some(3), Ok("{\"id\":\"e2\"}\n")),
                (None, Err(InputProblem::FileNotUtf8)),
            ]
        );
        assert_eq!(
            InputProblem::FileUnreadable("bestaat niet").to_string(),
            "het bestand kan niet worden gelezen (bestaat niet). Controleer het pad en of helder het bestand mag lezen."
        );
    }
}
