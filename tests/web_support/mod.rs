//! A small HTTP/1.1 server on 127.0.0.1 for the web tests: each test starts its own, on a
//! port the system picks, and it serves only what the test's handler answers.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What a request got.
pub enum Reply {
    /// A status, headers and a body.
    Full { status: &'static str, headers: Vec<(String, String)>, body: Vec<u8> },
    /// Nothing at all for this long, then the connection closes.
    Silence(Duration),
    /// A 200 whose body never ends (until the client hangs up, or 64 MiB).
    Endless,
}

impl Reply {
    /// 200 with a content type.
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::Full {
            status: "200 OK",
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
        }
    }

    /// A status line and no body.
    pub fn status(status: &'static str) -> Reply {
        Reply::Full {
            status,
            headers: vec![("Content-Type".into(), "text/html".into())],
            body: b"<p>nothing here</p>".to_vec(),
        }
    }

    /// A redirect.
    pub fn redirect(to: &str) -> Reply {
        Reply::Full { status: "302 Found", headers: vec![("Location".into(), to.into())], body: Vec::new() }
    }

    /// Adds a header.
    pub fn with(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Full { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

/// A request as the handler sees it: the path and the headers, names lowercased.
pub struct Request {
    pub path: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    /// Each request's path and headers, in order.
    pub log: Arc<Mutex<Vec<Request>>>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Server {
    /// Stops listening: the port refuses connections once this returns.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Server {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn paths(&self) -> Vec<String> {
        self.log.lock().map(|l| l.iter().map(|r| r.path.clone()).collect()).unwrap_or_default()
    }
}

/// Starts a server answering each request with `handler`.
pub fn serve(handler: impl Fn(&Request) -> Reply + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("address");
    let log = Arc::new(Mutex::new(Vec::new()));
    let handler = Arc::new(handler);
    let theirs = Arc::clone(&log);
    let stop = Arc::new(AtomicBool::new(false));
    let stopping = Arc::clone(&stop);
    let thread = std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            if stopping.load(Ordering::SeqCst) {
                break;
            }
            let (handler, log) = (Arc::clone(&handler), Arc::clone(&theirs));
            std::thread::spawn(move || answer(stream, &*handler, &log));
        }
    });
    Server { addr, log, stop, thread: Some(thread) }
}

fn answer(stream: TcpStream, handler: &dyn Fn(&Request) -> Reply, log: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut stream = stream;
    // One request per connection keeps the server simple; the client is told so.
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let request = Request { path, headers };
    let reply = handler(&request);
    if let Ok(mut l) = log.lock() {
        l.push(request);
    }
    match reply {
        Reply::Full { status, headers, body } => {
            let mut head =
                format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n", body.len());
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&body));
        }
        Reply::Silence(d) => std::thread::sleep(d),
        Reply::Endless => {
            let _ =
                stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
            let chunk = vec![b'a'; 64 * 1024];
            for _ in 0..1024 {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
            }
        }
    }
}
