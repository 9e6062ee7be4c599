// Command echoserver is the Go side of the TCP line-echo benchmark (issue 13):
// the server that bench/php/echo_server.php is compared against.
//
// It listens on 127.0.0.1:<port>, runs one goroutine per connection, and
// writes every line it reads back to the sender. Go's netpoller parks a
// goroutine waiting for its socket, so the GOMAXPROCS threads serve any number
// of connections; that is what goos's I/O hooks are to give PHP's streams.
//
// Usage:
//
//	echoserver [-port 0] [-procs 2] [-time 0]
//
// When it listens it prints "LISTEN <port>" on stdout (with -port 0 the
// kernel picks a free port). It runs until SIGTERM or SIGINT, or for -time;
// then it prints what it served on stderr and exits 0.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	host := flag.String("host", "127.0.0.1", "address to listen on")
	port := flag.Int("port", 0, "TCP port; 0 lets the kernel choose a free one")
	procs := flag.Int("procs", 2, "GOMAXPROCS (2 matches goos's maxProcs(2))")
	limit := flag.Duration("time", 0, "stop after this long (0: only on SIGTERM or SIGINT)")
	flag.Parse()
	if flag.NArg() != 0 || *procs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	runtime.GOMAXPROCS(*procs)

	ln, err := net.Listen("tcp", net.JoinHostPort(*host, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(os.Stderr, "echoserver: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("LISTEN %d\n", ln.Addr().(*net.TCPAddr).Port) // os.Stdout is unbuffered

	var conns, lines atomic.Int64
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				if errors.Is(err, net.ErrClosed) {
					return
				}
				fmt.Fprintf(os.Stderr, "echoserver: accept: %v\n", err)
				time.Sleep(10 * time.Millisecond) // e.g. EMFILE: do not spin
				continue
			}
			conns.Add(1)
			go serve(c, &lines)
		}
	}()

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	var deadline <-chan time.Time
	if *limit > 0 {
		deadline = time.After(*limit)
	}
	select {
	case <-stop:
	case <-deadline:
	}
	ln.Close()
	fmt.Fprintf(os.Stderr, "echoserver: GOMAXPROCS=%d, %d connections, %d lines echoed\n",
		*procs, conns.Load(), lines.Load())
}

// serve echoes lines until the peer closes the connection. Each line is
// written back with one write, as the PHP server's fwrite() does (no
// bufio.Writer batching of pipelined lines: the load generator sends one line
// at a time anyway). A line longer than the reader's buffer is echoed in
// pieces, which is still a faithful echo of the byte stream.
func serve(c net.Conn, lines *atomic.Int64) {
	defer c.Close()
	r := bufio.NewReaderSize(c, 4096)
	for {
		line, err := r.ReadSlice('\n')
		if len(line) > 0 {
			if _, werr := c.Write(line); werr != nil {
				return
			}
			if err == nil {
				lines.Add(1)
			}
		}
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) {
			return // io.EOF when the peer closes; anything else ends it too
		}
	}
}
