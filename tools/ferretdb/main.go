// Command ferretdb-embedded starts FerretDB 1.24 (a MongoDB-compatible server) on top of
// PostgreSQL, for machines where no mongod binary can be downloaded. It embeds the
// github.com/FerretDB/FerretDB/ferretdb package because `go install .../cmd/ferretdb`
// panics at start-up over a missing generated version file.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "address to listen on for MongoDB clients")
	pgURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5432/ferretdb", "PostgreSQL URL; its database is created if missing")
	accelerate := flag.Duration("accelerate-every", 2*time.Second, "how often to mirror declared indexes into GIN indexes PostgreSQL can use (0 disables)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	if err := ensureDatabase(ctx, *pgURL); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: cannot prepare the PostgreSQL database: %v\n", err)
		os.Exit(1)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:      ferretdb.ListenerConfig{TCP: *listen},
		Handler:       "postgresql",
		PostgreSQLURL: *pgURL,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}

	if *accelerate > 0 {
		pool, err := pgxpool.New(ctx, *pgURL)
		if err != nil {
			fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
			os.Exit(1)
		}
		defer pool.Close()
		a := &accelerator{pool: pool, log: slog.Default()}
		go a.run(ctx, *accelerate)
	}

	done := make(chan error, 1)
	go func() { done <- f.Run(ctx) }()
	fmt.Printf("ferretdb: listening on %s (MongoDB URI %s), data in PostgreSQL database %s\n", *listen, f.MongoDBURI(), dbName(*pgURL))
	if err := <-done; err != nil && ctx.Err() == nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %v\n", err)
		os.Exit(1)
	}
}

func dbName(pgURL string) string {
	u, err := url.Parse(pgURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Path, "/")
}

// ensureDatabase creates the PostgreSQL database named in pgURL when it does not exist.
func ensureDatabase(ctx context.Context, pgURL string) error {
	u, err := url.Parse(pgURL)
	if err != nil {
		return err
	}
	name := dbName(pgURL)
	if name == "" {
		return fmt.Errorf("the PostgreSQL URL names no database")
	}
	admin := *u
	admin.Path = "/postgres"
	conn, err := pgx.Connect(ctx, admin.String())
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return err
	}
	if !exists {
		_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
		if err != nil && !strings.Contains(err.Error(), "already exists") {
			return err
		}
	}
	if err := setCustomPlans(ctx, conn, name); err != nil {
		slog.Warn("queries will not use the accelerator's indexes: cannot set plan_cache_mode", "error", err)
	}
	return nil
}
