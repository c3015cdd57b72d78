package main

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// FerretDB 1.24 pushes an equality filter down to PostgreSQL as `_jsonb -> $key @> $value`, which
// its own btree indexes on `(_jsonb -> 'field')` cannot serve, so every query is a sequential scan.
// A GIN index on the same expression serves `@>` once the planner sees the key as a constant, which
// `plan_cache_mode = force_custom_plan` guarantees. The accelerator mirrors every field of every
// index the application declares into such a GIN index. It only adds indexes; FerretDB's own
// metadata and tables are never changed, and dropping these indexes loses nothing.

type accelerator struct {
	pool *pgxpool.Pool
	log  *slog.Logger
}

type ferretIndex struct {
	Key map[string]any `json:"key"`
}

// setCustomPlans makes every new session of the database plan with the actual parameter values.
func setCustomPlans(ctx context.Context, conn *pgx.Conn, database string) error {
	_, err := conn.Exec(ctx, "ALTER DATABASE "+pgx.Identifier{database}.Sanitize()+" SET plan_cache_mode = force_custom_plan")
	return err
}

func (a *accelerator) run(ctx context.Context, every time.Duration) {
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		if err := a.pass(ctx); err != nil && ctx.Err() == nil {
			a.log.Debug("index accelerator pass failed", "error", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// pass creates the GIN indexes missing for the indexes FerretDB's metadata lists, in every schema.
func (a *accelerator) pass(ctx context.Context) error {
	rows, err := a.pool.Query(ctx, `SELECT n.nspname FROM pg_namespace n JOIN pg_class c ON c.relnamespace = n.oid
		WHERE c.relname = '_ferretdb_database_metadata'`)
	if err != nil {
		return err
	}
	schemas, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, schema := range schemas {
		if err := a.schema(ctx, schema); err != nil {
			a.log.Debug("index accelerator skipped a schema", "schema", schema, "error", err)
		}
	}
	return nil
}

func (a *accelerator) schema(ctx context.Context, schema string) error {
	q := fmt.Sprintf(`SELECT _jsonb->>'table', COALESCE(_jsonb->'indexes', '[]'::jsonb) FROM %s`,
		pgx.Identifier{schema, "_ferretdb_database_metadata"}.Sanitize())
	rows, err := a.pool.Query(ctx, q)
	if err != nil {
		return err
	}
	type collection struct {
		table   string
		indexes []byte
	}
	collections, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (collection, error) {
		var c collection
		err := r.Scan(&c.table, &c.indexes)
		return c, err
	})
	if err != nil {
		return err
	}
	existing, err := a.existing(ctx, schema)
	if err != nil {
		return err
	}
	for _, c := range collections {
		var indexes []ferretIndex
		if err := json.Unmarshal(c.indexes, &indexes); err != nil {
			continue
		}
		for _, field := range indexedFields(indexes) {
			a.ensure(ctx, schema, c.table, field, existing)
		}
	}
	return nil
}

// indexedFields lists the top-level fields of all indexes; dotted paths are not pushed down by FerretDB.
func indexedFields(indexes []ferretIndex) []string {
	seen := map[string]bool{}
	var fields []string
	for _, index := range indexes {
		for field := range index.Key {
			if strings.Contains(field, ".") || strings.HasPrefix(field, "$") || seen[field] {
				continue
			}
			seen[field] = true
			fields = append(fields, field)
		}
	}
	return fields
}

// existing lists the accelerator's indexes already in the schema (read each pass: schemas come and go).
func (a *accelerator) existing(ctx context.Context, schema string) (map[string]bool, error) {
	rows, err := a.pool.Query(ctx, `SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND indexname LIKE 'fdbx\_%'`, schema)
	if err != nil {
		return nil, err
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set, nil
}

func (a *accelerator) ensure(ctx context.Context, schema, table, field string, existing map[string]bool) {
	sum := sha1.Sum([]byte(schema + "\x00" + table + "\x00" + field))
	name := "fdbx_" + hex.EncodeToString(sum[:10])
	if existing[name] {
		return
	}
	sql := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s USING gin ((_jsonb -> %s))`,
		pgx.Identifier{name}.Sanitize(), pgx.Identifier{schema, table}.Sanitize(), quoteLiteral(field))
	if _, err := a.pool.Exec(ctx, sql); err != nil {
		a.log.Debug("index accelerator could not create an index", "schema", schema, "table", table, "field", field, "error", err)
		return
	}
	existing[name] = true
}

func quoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
