//! `tacitus`: the command line. Argument handling and wiring only; the work
//! is done by `tacitus-core`.
//!
//! Exit status (SPEC §1): 0 when every article was coded, 1 when any input
//! was rejected (the others are still coded and printed), 2 for a usage
//! error. A closed pipe (`tacitus code … | head`) ends quietly with 0, as
//! ripgrep does.

use std::collections::HashSet;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use rayon::prelude::*;
use tacitus_core::document::Document;
use tacitus_core::ingest::{self, IngestOptions, InputFormat, MAX_INPUT_BYTES};
use tacitus_core::output::{self, OutputFormat};
use tacitus_core::pipeline::PipelineConfig;
use tacitus_core::{Article, Pipeline, PipelineError};

/// mimalloc: the pipeline allocates many small, short-lived values per
/// article, which glibc's allocator serves markedly slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ABOUT: &str =
    "Reads world news and turns it into structured, dated, explainable political events.";

const CODE_HELP: &str = "\
Examples:
  tacitus code examples/sample-article.txt            one article, pretty JSON
  tacitus code --format jsonl news/                   every file of a folder, one line each
  cat page.html | tacitus code --input-format html -  an article page on stdin
  tacitus code --date 2025-01-13 note.txt             set the publication date
  tacitus code --input-format jsonl articles.jsonl    one {\"text\": …} article a line
  tacitus code --only time --format timeml doc.tml    just the TIMEX3 tagger, TimeML out
  tacitus code --format timeml --output-dir out/ tml/ one .tml per article, for TempEval-3
  tacitus code --format gdelt news/                   GDELT 2.0 Events rows (61 columns, TSV)

Exit status: 0 when every article was coded; 1 when any input was rejected
(the others are still coded and printed; each rejection is one line on
stderr naming the input); 2 for a usage error.";

#[derive(Debug, Parser)]
#[command(name = "tacitus", version, about = ABOUT, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Code articles and print the result (stdin when no FILE or `-`).
    #[command(after_help = CODE_HELP)]
    Code(CodeArgs),
    /// Code articles into the store (not yet available).
    Ingest(Later),
    /// Query stored events (not yet available).
    Events(Later),
    /// Export the store (not yet available).
    Export(Later),
    /// Serve the HTTP API and web UI (not yet available).
    Serve(Later),
}

/// Arguments of a subcommand this version does not have yet.
#[derive(Debug, Args)]
struct Later {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    args: Vec<String>,
}

#[derive(Debug, Args)]
struct CodeArgs {
    /// Articles to code: files, folders (every file inside, sorted), or `-`
    /// for stdin. With none, reads stdin.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Output format. Default: `json` when the input is one article file,
    /// `jsonl` otherwise (several files, a folder, JSONL input).
    #[arg(long, value_enum)]
    format: Option<FormatArg>,

    /// Input format; `auto` decides by extension, then by content.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    input_format: InputFormatArg,

    /// Publication date, the reference time of relative expressions;
    /// overrides what the articles say.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,

    /// Extra actor dictionary (repeatable); its entries win over built-in ones.
    #[arg(long, value_name = "FILE")]
    actors: Vec<PathBuf>,

    /// Extra verb-pattern dictionary (repeatable); its entries win over built-in ones.
    #[arg(long, value_name = "FILE")]
    verbs: Vec<PathBuf>,

    /// Run only these stages (comma-separated), e.g. `--only time` for just
    /// the TIMEX3 tagger. Stages: segment (alias text), timexes (alias time).
    #[arg(long, value_name = "STAGES", value_delimiter = ',')]
    only: Vec<String>,

    /// Write each document to its own file in DIR (named after the input
    /// file, `.json` or `.tml`) instead of stdout: what the TempEval-3
    /// scorers want with `--format timeml`.
    #[arg(long, value_name = "DIR")]
    output_dir: Option<PathBuf>,

    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    /// One pretty JSON document (an array of them for several articles).
    Json,
    /// One compact JSON document a line.
    Jsonl,
    /// GDELT 2.0 Events TSV: 61 columns in GDELT's order, no header, one
    /// row per event (docs/gdelt.md).
    Gdelt,
    /// TempEval-3 TimeML with the TIMEX3 tags found (needs a publication date).
    Timeml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormatArg {
    /// By extension, then by content.
    Auto,
    /// Plain text, with site-chrome detection (headline, dateline, section).
    Text,
    /// An article page: main content and meta tags.
    Html,
    /// A TimeML document: DCT and TEXT.
    Timeml,
    /// One `{"text": …}` article a line.
    Jsonl,
}

impl From<InputFormatArg> for InputFormat {
    fn from(f: InputFormatArg) -> Self {
        match f {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Timeml => InputFormat::Timeml,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
        }
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("expected a date as YYYY-MM-DD, found {s:?} ({e})"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code(args),
        Command::Ingest(_) => later("ingest", "the store"),
        Command::Events(_) => later("events", "the store"),
        Command::Export(_) => later("export", "the store"),
        Command::Serve(_) => later("serve", "the HTTP API"),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("tacitus: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn later(command: &str, what: &str) -> anyhow::Result<ExitCode> {
    eprintln!("tacitus: `{command}` is not yet available: {what} comes in a later version");
    Ok(ExitCode::from(2))
}

fn usage(message: &str) -> anyhow::Result<ExitCode> {
    eprintln!("tacitus: {message}");
    Ok(ExitCode::from(2))
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// One input as the user named it.
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

fn code(args: CodeArgs) -> anyhow::Result<ExitCode> {
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
            .context("cannot start the worker threads")?;
    }

    let mut failed = false;
    let inputs = expand_inputs(&args.files, &mut failed);
    let format = match args.format {
        Some(FormatArg::Json) => OutputFormat::Json,
        Some(FormatArg::Timeml) => OutputFormat::Timeml,
        Some(FormatArg::Gdelt) => OutputFormat::Gdelt,
        Some(FormatArg::Jsonl) => OutputFormat::Jsonl,
        None => {
            let single_article = inputs.len() == 1
                && args.input_format != InputFormatArg::Jsonl
                && match &inputs[0] {
                    Input::File(p) => !has_extension(p, &["jsonl", "ndjson"]),
                    Input::Stdin => true,
                };
            if single_article {
                OutputFormat::Json
            } else {
                OutputFormat::Jsonl
            }
        }
    };
    let opts = IngestOptions {
        format: args.input_format.into(),
        date: args.date,
    };
    // User dictionaries: a bad file is a usage error naming file:line.
    let config = PipelineConfig {
        actor_files: args.actors.clone(),
        verb_files: args.verbs.clone(),
    };
    let names: Vec<&str> = args.only.iter().map(|s| s.trim()).collect();
    let only = (!names.is_empty()).then_some(names.as_slice());
    let pipeline = match Pipeline::configured(&config, only) {
        Ok(p) => p,
        Err(e @ PipelineError::Dictionary(_)) => return usage(&e.to_string()),
        Err(e) => return usage(&format!("--only: {e}")),
    };
    if let Some(dir) = &args.output_dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the output folder {}", dir.display()))?;
    }
    let stdout = io::stdout();
    // A document's JSONL line is written in one piece, often over the
    // default 8 KB: a larger buffer keeps it to about one write per 64 KB.
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut writer = DocWriter::new(format, args.output_dir.clone());

    // Articles are coded in parallel a batch at a time, and printed in input order.
    let mut batch: Vec<Article> = Vec::new();
    let mut batch_bytes = 0usize;
    for input in &inputs {
        let name = input.name();
        let ingested = match read_input(input)
            .and_then(|bytes| ingest::ingest(&bytes, &name, &opts).map_err(|e| e.to_string()))
        {
            Ok(ingested) => ingested,
            Err(reason) => {
                eprintln!("tacitus: {reason}");
                failed = true;
                continue;
            }
        };
        for warning in &ingested.warnings {
            eprintln!("tacitus: warning: {warning}");
        }
        for article in ingested.articles {
            match article {
                Ok(article) => {
                    batch_bytes += article.text.len();
                    batch.push(article);
                }
                Err(e) => {
                    eprintln!("tacitus: {e}");
                    failed = true;
                }
            }
            if batch.len() >= 256 || batch_bytes >= 4 << 20 {
                failed |= code_batch(&pipeline, std::mem::take(&mut batch), &mut writer, &mut out)?;
                batch_bytes = 0;
            }
        }
    }
    failed |= code_batch(&pipeline, batch, &mut writer, &mut out)?;
    writer.finish(&mut out)?;
    out.flush()?;
    // Freeing the pipeline's tables one by one is about 1% of the
    // instructions of a short run (callgrind); the process ends here anyway.
    std::mem::forget(pipeline);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Codes a batch in parallel and writes it in order; true when any article failed.
fn code_batch(
    pipeline: &Pipeline,
    batch: Vec<Article>,
    writer: &mut DocWriter,
    out: &mut impl Write,
) -> anyhow::Result<bool> {
    // JSONL to a stream is written by the worker that coded the document,
    // while the document is still in its cache, and the document is freed
    // there: only the line waits for its turn.
    let lines = writer.dir.is_none() && writer.format == OutputFormat::Jsonl;
    let coded: Vec<Result<Coded, String>> = batch
        .into_par_iter()
        .map(|article| {
            let name = article
                .source
                .clone()
                .unwrap_or_else(|| "<stdin>".to_string());
            let doc = pipeline.run(article).map_err(|e| format!("{name}: {e}"))?;
            if !lines {
                return Ok(Coded::Doc(Box::new(doc)));
            }
            // The line is 3.7 times the body on average and up to 5.7
            // times in the modern corpus: room for 6 spares growing the
            // buffer (a copy of the line so far) in a third of the documents.
            let mut line = Vec::with_capacity(doc.text().len() * 6 + 1024);
            output::write_jsonl(&mut line, &doc).map_err(|e| format!("{name}: {e}"))?;
            Ok(Coded::Line(line))
        })
        .collect();
    let mut failed = false;
    for doc in coded {
        match doc {
            Ok(Coded::Doc(doc)) => failed |= !writer.write(out, &doc)?,
            Ok(Coded::Line(line)) => out.write_all(&line)?,
            Err(reason) => {
                eprintln!("tacitus: {reason}");
                failed = true;
            }
        }
    }
    Ok(failed)
}

/// A coded article: the document, or its output line when the worker
/// wrote it already.
enum Coded {
    Doc(Box<Document>),
    Line(Vec<u8>),
}

/// Writes documents in the chosen format, to stdout or one file each in a
/// folder; `json` with several documents on stdout becomes one array.
struct DocWriter {
    format: OutputFormat,
    dir: Option<PathBuf>,
    written: usize,
    pending: Option<Document>,
    names: HashSet<String>,
}

impl DocWriter {
    fn new(format: OutputFormat, dir: Option<PathBuf>) -> Self {
        DocWriter {
            format,
            dir,
            written: 0,
            pending: None,
            names: HashSet::new(),
        }
    }

    /// Writes one document; false (with a line on stderr) when this document
    /// cannot be written in the format.
    fn write(&mut self, out: &mut impl Write, doc: &Document) -> anyhow::Result<bool> {
        let rendered = match self.format {
            OutputFormat::Timeml => match output::timeml(doc) {
                Ok(tml) => Some(tml),
                Err(why) => {
                    eprintln!("tacitus: {}: {why}", source_name(doc));
                    return Ok(false);
                }
            },
            OutputFormat::Gdelt => {
                let mut rows = Vec::new();
                tacitus_core::gdelt::write(&mut rows, doc)?;
                Some(String::from_utf8_lossy(&rows).into_owned())
            }
            _ => None,
        };
        if let Some(dir) = self.dir.clone() {
            let path = self.file_for(&dir, doc);
            let mut file = BufWriter::new(
                std::fs::File::create(&path)
                    .with_context(|| format!("cannot write {}", path.display()))?,
            );
            match rendered {
                Some(tml) => file.write_all(tml.as_bytes())?,
                None => output::write_json(&mut file, doc)?,
            }
            file.flush()?;
            return Ok(true);
        }
        match (self.format, rendered) {
            (_, Some(tml)) => out.write_all(tml.as_bytes())?,
            (OutputFormat::Json, _) => self.write_json(out, doc)?,
            _ => output::write_jsonl(out, doc)?,
        }
        Ok(true)
    }

    /// Pretty JSON: the first document is held back; if it stays alone it
    /// prints as an object, otherwise the output is an array.
    fn write_json(&mut self, out: &mut impl Write, doc: &Document) -> io::Result<()> {
        match (self.written, self.pending.take()) {
            (0, None) => {
                self.pending = Some(doc.clone());
                return Ok(());
            }
            (0, Some(first)) => {
                out.write_all(b"[\n")?;
                output::write_json(out, &first)?;
                out.write_all(b",\n")?;
                self.written = 1;
            }
            _ => out.write_all(b",\n")?,
        }
        output::write_json(out, doc)?;
        self.written += 1;
        Ok(())
    }

    /// `DIR/<input file stem>.<ext>`, made unique within this run.
    fn file_for(&mut self, dir: &Path, doc: &Document) -> PathBuf {
        let ext = match self.format {
            OutputFormat::Timeml => "tml",
            OutputFormat::Gdelt => "tsv",
            _ => "json",
        };
        let stem = doc
            .article
            .source
            .as_deref()
            .and_then(|s| Path::new(s).file_stem()?.to_str())
            .filter(|s| !s.is_empty())
            .unwrap_or(&doc.article.id)
            .to_string();
        let mut name = stem.clone();
        if !self.names.insert(name.clone()) {
            name = format!("{stem}-{}", doc.article.id);
            self.names.insert(name.clone());
        }
        dir.join(format!("{name}.{ext}"))
    }

    fn finish(&mut self, out: &mut impl Write) -> io::Result<()> {
        if let Some(doc) = self.pending.take() {
            output::write_json(out, &doc)?;
        } else if self.format == OutputFormat::Json && self.written > 1 {
            out.write_all(b"]\n")?;
        }
        Ok(())
    }
}

fn source_name(doc: &Document) -> &str {
    doc.article.source.as_deref().unwrap_or("<stdin>")
}

fn has_extension(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The inputs the arguments name: stdin for none or `-`, every regular file
/// of a folder (recursively, sorted, hidden files skipped).
fn expand_inputs(files: &[PathBuf], failed: &mut bool) -> Vec<Input> {
    if files.is_empty() {
        return vec![Input::Stdin];
    }
    let mut inputs = Vec::new();
    for path in files {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(path, &mut found) {
                eprintln!("tacitus: {}: cannot read folder: {e}", path.display());
                *failed = true;
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, found)?;
        } else if path.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

/// Reads an input, refusing one over the size limit before reading it all.
fn read_input(input: &Input) -> Result<Vec<u8>, String> {
    let name = input.name();
    let too_large = |size: String| format!("{name}: {size} is over the 20 MB limit for one input");
    let limit = MAX_INPUT_BYTES as u64;
    let mut bytes = Vec::new();
    let result = match input {
        Input::Stdin => io::stdin().lock().take(limit + 1).read_to_end(&mut bytes),
        Input::File(path) => {
            let file = std::fs::File::open(path)
                .map_err(|e| format!("{name}: cannot open: {}", io_reason(&e)))?;
            if let Ok(meta) = file.metadata() {
                if meta.len() > limit {
                    return Err(too_large(format!("{} bytes", meta.len())));
                }
                // Read in one go: growing the buffer would copy it and fault
                // in fresh pages several times over.
                bytes.reserve_exact(meta.len() as usize + 1);
            }
            file.take(limit + 1).read_to_end(&mut bytes)
        }
    };
    match result {
        Ok(n) if n as u64 > limit => Err(too_large(format!("more than {limit} bytes"))),
        Ok(_) => Ok(bytes),
        Err(e) => Err(format!("{name}: cannot read: {}", io_reason(&e))),
    }
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a folder".to_string(),
        _ => e.to_string().to_lowercase(),
    }
}
