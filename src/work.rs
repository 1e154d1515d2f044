//! Work that can take longer than a key press may wait: building, folding
//! and wrapping a text, and searching it. In the explorer one worker thread
//! runs it, so the keys are read while it runs; elsewhere (tests,
//! benchmarks) it runs at once. Either way its outcome reaches the app as a
//! message for `App::apply`, and a job overtaken by a newer one for the
//! same view stops at its next step.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::time::{Duration, Instant};

use crate::dataset::{Dataset, find_quote};
use crate::lang::Lang;
use crate::tab::Tab;
use crate::text::search::stored;
use crate::text::{self, Doc, Folded, Matches, Searchable, Wrapped};

/// A piece of work for the text view of `view`.
pub struct Job {
    pub view: Tab,
    pub ticket: u64,
    /// The view's latest ticket: once it is not this job's, the job stops.
    latest: Arc<AtomicU64>,
    task: Task,
}

pub enum Task {
    /// Wraps the text to `width`, building and folding it first if `text`
    /// is None.
    Wrap {
        data: Arc<Dataset>,
        build: fn(&Dataset, Lang) -> Doc,
        text: Option<Arc<Searchable>>,
        width: usize,
        /// The language a text built afresh is in.
        lang: Lang,
    },
    /// Finds `query`, or with `quote` the essay's words as
    /// [`find_quote`] does, narrowing `previous` where it can.
    Search {
        text: Arc<Searchable>,
        query: String,
        quote: bool,
        previous: Option<Arc<Matches>>,
    },
}

#[derive(Debug)]
pub enum Outcome {
    Wrapped {
        text: Arc<Searchable>,
        width: usize,
        wrapped: Wrapped,
    },
    Found(Matches),
}

/// A job's outcome, for the view that asked.
#[derive(Debug)]
pub struct Done {
    pub view: Tab,
    pub ticket: u64,
    pub outcome: Outcome,
}

/// How far a job has got: the share done (0 to 1), and the matches found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub view: Tab,
    pub ticket: u64,
    pub share: f64,
    pub found: usize,
}

impl Job {
    pub fn new(view: Tab, latest: &Arc<AtomicU64>, task: Task) -> Job {
        Job {
            view,
            ticket: latest.fetch_add(1, Ordering::Relaxed) + 1,
            latest: Arc::clone(latest),
            task,
        }
    }

    fn overtaken(&self) -> bool {
        self.latest.load(Ordering::Relaxed) != self.ticket
    }

    /// Runs the job to the end, here and now.
    pub fn run_now(self) -> Done {
        let (view, ticket) = (self.view, self.ticket);
        let outcome = self.run(&mut |_, _| true);
        Done {
            view,
            ticket,
            outcome: outcome.expect("a job that is never told to stop ends"),
        }
    }

    /// Runs the job, asking `go_on` with the share done and the matches so
    /// far whether to go on; None once it says stop.
    fn run(self, go_on: &mut dyn FnMut(f64, usize) -> bool) -> Option<Outcome> {
        match self.task {
            Task::Wrap {
                data,
                build,
                text,
                width,
                lang,
            } => {
                let text = match text {
                    Some(text) => text,
                    None => {
                        let doc = build(&data, lang);
                        // Folding is the first half of the work, wrapping the second.
                        let n = doc.paras.len().max(1) as f64;
                        let folded =
                            Folded::new(&doc, &mut |done| go_on(done as f64 / n / 2.0, 0))?;
                        Arc::new(Searchable { doc, folded, lang })
                    }
                };
                let n = text.doc.paras.len().max(1) as f64;
                let wrapped = text::wrap_stepwise(&text.doc, width, &mut |done| {
                    go_on(0.5 + done as f64 / n / 2.0, 0)
                })?;
                Some(Outcome::Wrapped {
                    text,
                    width,
                    wrapped,
                })
            }
            Task::Search {
                text,
                query,
                quote: true,
                ..
            } => Some(Outcome::Found(find_quote_in(&text, &query, go_on)?)),
            Task::Search {
                text,
                query,
                previous,
                ..
            } => Some(Outcome::Found(text::find_matches(
                &text.folded,
                &query,
                previous.as_deref(),
                go_on,
            )?)),
        }
    }
}

/// The essay's words `quote`, as a match of the folded text: the first
/// paragraph that holds them.
fn find_quote_in(
    text: &Searchable,
    quote: &str,
    go_on: &mut dyn FnMut(f64, usize) -> bool,
) -> Option<Matches> {
    let n = text.doc.paras.len().max(1) as f64;
    let mut found = Matches {
        query: quote.to_string(),
        ..Matches::default()
    };
    for (para, spans) in text.doc.paras.iter().enumerate() {
        if let Some(range) = find_quote(&text::plain(spans), quote) {
            let start = text.folded.offset(&text.doc, (para, range.start));
            let end = text.folded.offset(&text.doc, (para, range.end));
            found.starts.push(stored(start));
            found.len = end - start;
            break;
        }
        if !go_on(para as f64 / n, 0) {
            return None;
        }
    }
    Some(found)
}

/// What the worker sends back: how far a job has got, or its outcome.
pub enum Report {
    Progress(Progress),
    Done(Done),
}

/// Where work runs.
#[derive(Debug, Default)]
pub enum Worker {
    /// At once, in the caller's thread: tests and benchmarks.
    #[default]
    Inline,
    /// On a thread of its own, which reports through a callback.
    Thread(Sender<Job>),
}

/// How often a job reports its progress: often enough for the footer to
/// move, seldom enough to cost nothing.
const REPORT_EVERY: Duration = Duration::from_millis(100);

impl Worker {
    /// Starts the worker thread; `report` carries what it says to the event
    /// loop. It ends when the sender it is given work through is dropped.
    pub fn spawn(report: impl Fn(Report) + Send + 'static) -> std::io::Result<Worker> {
        let (jobs, queue) = channel::<Job>();
        let slow = slow_ms();
        std::thread::Builder::new()
            .name("work".into())
            .spawn(move || {
                for job in queue {
                    // The panic hook has restored the terminal and said
                    // why: end as a panic on the main thread would.
                    let Ok(()) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        run_reporting(job, slow, &report);
                    })) else {
                        std::process::exit(101);
                    };
                }
            })?;
        Ok(Worker::Thread(jobs))
    }
}

/// Runs `job` unless it is overtaken, reporting its progress now and then
/// and its outcome at the end.
fn run_reporting(job: Job, slow: Duration, report: &impl Fn(Report)) {
    let (view, ticket, latest) = (job.view, job.ticket, Arc::clone(&job.latest));
    let overtaken = || latest.load(Ordering::Relaxed) != ticket;
    let waited = Instant::now();
    while waited.elapsed() < slow && !overtaken() {
        std::thread::sleep(Duration::from_millis(10));
    }
    if job.overtaken() {
        return;
    }
    let mut last = Instant::now();
    let outcome = job.run(&mut |share, found| {
        if last.elapsed() >= REPORT_EVERY {
            last = Instant::now();
            report(Report::Progress(Progress {
                view,
                ticket,
                share,
                found,
            }));
        }
        !overtaken()
    });
    if let Some(outcome) = outcome {
        report(Report::Done(Done {
            view,
            ticket,
            outcome,
        }));
    }
}

/// Debug builds make every job wait this long before it starts when
/// SNS_TUI_TEST_SLOW_MS is set, so the tests can press keys while work
/// runs, however fast the machine.
fn slow_ms() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("SNS_TUI_TEST_SLOW_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
    {
        return Duration::from_millis(ms);
    }
    Duration::ZERO
}
