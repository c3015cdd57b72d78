package main

import (
	"reflect"
	"sort"
	"testing"
)

func TestIndexedFieldsKeepsTopLevelFieldsOnce(t *testing.T) {
	indexes := []ferretIndex{
		{Key: map[string]any{"_id": 1}},
		{Key: map[string]any{"partnerId": 1, "number": 1}},
		{Key: map[string]any{"partnerId": 1, "state": 1, "expiresOn": 1}},
		{Key: map[string]any{"partnerId": 1, "redemption.on": 1}},
	}
	got := indexedFields(indexes)
	sort.Strings(got)
	want := []string{"_id", "expiresOn", "number", "partnerId", "state"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("indexedFields() = %v, want %v (dotted paths are not pushed down by FerretDB)", got, want)
	}
}

func TestQuoteLiteralEscapesQuotes(t *testing.T) {
	if got := quoteLiteral("o'brien"); got != "'o''brien'" {
		t.Fatalf("quoteLiteral() = %s", got)
	}
}
