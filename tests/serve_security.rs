//! `annals serve` as a client meets it: loopback only, traversal refused, and a client that
//! stalls halfway through its request does not hold up anyone else.

mod common;

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::{ServeGuard, Site};

/// The status code and body of a raw request, with a timeout so a hang fails the test.
fn request(port: u16, raw: &str, timeout: Duration) -> (u16, String) {
    let mut stream = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
    stream.set_read_timeout(Some(timeout)).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .unwrap_or_else(|e| panic!("no complete response to {raw:?} within {timeout:?}: {e}"));
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP response: {text:?}"));
    (status, text)
}

fn get(port: u16, path: &str) -> (u16, String) {
    request(
        port,
        &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        Duration::from_secs(5),
    )
}

#[test]
fn serves_loopback_only_refuses_traversal_and_outlives_a_stalled_client() {
    let site = Site::copy_of("story");
    site.write("secret.txt", "TOP SECRET");
    let server = ServeGuard::start(&site);
    let port = server.port;

    let (status, body) = get(port, "/");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Harbour Street"), "{body}");

    // Bound to 127.0.0.1 itself, not to every address: 127.0.0.2 is another address.
    let other = SocketAddr::from(([127, 0, 0, 2], port));
    assert!(
        TcpStream::connect_timeout(&other, Duration::from_secs(1)).is_err(),
        "annals serve answers on 127.0.0.2: it is not bound to 127.0.0.1 alone"
    );

    for path in [
        "/../secret.txt",
        "/../site.toml",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/events/../../secret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/C:/Windows/win.ini",
        "/%00",
        "http://127.0.0.1/../secret.txt",
    ] {
        let (status, body) = get(port, path);
        assert_eq!(status, 404, "{path}: {body}");
        assert!(
            !body.contains("TOP SECRET") && !body.contains("root:"),
            "{path}"
        );
    }

    // A client that sends half a request and then nothing.
    let mut stalled = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
    stalled
        .write_all(b"GET /index.html HTTP/1.1\r\nHo")
        .unwrap();
    let mut idle = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
    idle.write_all(b"").unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let (status, _) = request(
        port,
        "GET /index.html HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        Duration::from_secs(2),
    );
    assert_eq!(status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    // Garbage instead of HTTP does not stop the server either.
    let mut garbage = TcpStream::connect((Ipv4Addr::LOCALHOST, port)).unwrap();
    garbage.write_all(&[0xff; 4096]).unwrap();
    drop(garbage);
    assert_eq!(get(port, "/index.html").0, 200);
    drop(stalled);
    drop(idle);
}
