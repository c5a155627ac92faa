//! A TCP proxy between Loket and the cluster that a test can cut, as a pulled network cable
//! or a stopped server would: every open connection is closed and no new one is accepted
//! until it is restored on the same port.

use std::io::ErrorKind;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wanted {
    Open,
    Cut,
    Stop,
}

struct State {
    wanted: Wanted,
    /// Whether the listening socket exists right now.
    listening: bool,
    /// Both ends of every connection passed through, to close them on a cut.
    links: Vec<TcpStream>,
}

struct Shared {
    port: u16,
    upstream: SocketAddr,
    state: Mutex<State>,
    changed: Condvar,
}

/// The proxy; dropping it closes everything.
pub struct Proxy {
    shared: Arc<Shared>,
    accepter: Option<JoinHandle<()>>,
}

impl Proxy {
    /// Listens on a free port of 127.0.0.1 and forwards to `upstream_port` there.
    pub fn start(upstream_port: u16) -> Proxy {
        let probe = TcpListener::bind("127.0.0.1:0").expect("a free local port for the proxy");
        let port = probe.local_addr().expect("the proxy's port").port();
        drop(probe);
        let shared = Arc::new(Shared {
            port,
            upstream: SocketAddr::from(([127, 0, 0, 1], upstream_port)),
            state: Mutex::new(State {
                wanted: Wanted::Open,
                listening: false,
                links: Vec::new(),
            }),
            changed: Condvar::new(),
        });
        let accepter = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || accept_loop(&shared))
        };
        let proxy = Proxy {
            shared,
            accepter: Some(accepter),
        };
        proxy.wait_listening(true);
        proxy
    }

    pub fn port(&self) -> u16 {
        self.shared.port
    }

    /// Stops accepting (the port then refuses connections), then closes every connection
    /// passed through in both directions. Returns once both are done.
    pub fn cut(&self) {
        self.set(Wanted::Cut);
        self.wait_listening(false);
        let links = std::mem::take(&mut self.lock().links);
        for s in links {
            let _ = s.shutdown(Shutdown::Both);
        }
    }

    /// Accepts connections again on the same port; returns once it listens.
    pub fn restore(&self) {
        self.set(Wanted::Open);
        self.wait_listening(true);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn set(&self, wanted: Wanted) {
        self.lock().wanted = wanted;
        self.shared.changed.notify_all();
    }

    fn wait_listening(&self, listening: bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut state = self.lock();
        while state.listening != listening {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "the proxy on port {} did not {} within 10 s",
                self.shared.port,
                if listening {
                    "listen again"
                } else {
                    "stop listening"
                }
            );
            state = self
                .shared
                .changed
                .wait_timeout(state, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.set(Wanted::Stop);
        if let Some(t) = self.accepter.take() {
            let _ = t.join();
        }
        for s in std::mem::take(&mut self.lock().links) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }
}

fn accept_loop(shared: &Shared) {
    let lock = || shared.state.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        {
            let mut state = lock();
            while state.wanted == Wanted::Cut {
                state = shared
                    .changed
                    .wait(state)
                    .unwrap_or_else(|e| e.into_inner());
            }
            if state.wanted == Wanted::Stop {
                return;
            }
        }
        let listener = bind(shared.port);
        listener
            .set_nonblocking(true)
            .expect("the proxy's listener polls");
        lock().listening = true;
        shared.changed.notify_all();
        while lock().wanted == Wanted::Open {
            match listener.accept() {
                Ok((client, _)) => forward(shared, client),
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(e) => panic!("the proxy's listener failed: {e}"),
            }
        }
        drop(listener);
        lock().listening = false;
        shared.changed.notify_all();
    }
}

/// Binds the proxy's port again after a cut (a moment may pass before the port is free).
fn bind(port: u16) -> TcpListener {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match TcpListener::bind(("127.0.0.1", port)) {
            Ok(l) => return l,
            Err(e) if Instant::now() < deadline => {
                let _ = e;
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("the proxy cannot listen on port {port} again: {e}"),
        }
    }
}

/// Connects `client` to the server and copies bytes both ways until either side closes.
fn forward(shared: &Shared, client: TcpStream) {
    let _ = client.set_nonblocking(false);
    let Ok(server) = TcpStream::connect(shared.upstream) else {
        return;
    };
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (Ok(c2), Ok(s2), Ok(c3), Ok(s3)) = (
        client.try_clone(),
        server.try_clone(),
        client.try_clone(),
        server.try_clone(),
    ) else {
        return;
    };
    lock_links(shared, c3, s3);
    pump(client, server);
    pump(s2, c2);
}

fn lock_links(shared: &Shared, a: TcpStream, b: TcpStream) {
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    state.links.push(a);
    state.links.push(b);
}

fn pump(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = from.shutdown(Shutdown::Both);
        let _ = to.shutdown(Shutdown::Both);
    });
}
