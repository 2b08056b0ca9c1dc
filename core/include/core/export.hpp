// What the user filtered, as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel
// reads the accents), RFC 4180 quoting, CRLF line ends, and cells that a spreadsheet would run
// as a formula (starting with = + - @, tab or CR) neutralised with a leading apostrophe.
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "core/query.hpp"
#include "core/replication_list.hpp"

namespace atlas {

struct CsvExportOptions {
    bool byte_order_mark = true;
    bool neutralise_formulas = true;
};

// One cell, quoted when it holds a comma, quote, CR or LF (quotes doubled).
void append_csv_cell(std::string& out, std::string_view cell, const CsvExportOptions& o = {});

// Innovations in the given order: id, name, owner, region, awards, counts, confidence, sources.
std::string innovations_csv(const Catalog& catalog, std::span<const InnovationId> rows, const CsvExportOptions& o = {});
// Replication rows (pairs and programs of unknown pairing) in the given order.
std::string replications_csv(const Dataset& data, std::span<const ReplicationRow> rows, const CsvExportOptions& o = {});

}  // namespace atlas
