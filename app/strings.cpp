#include "strings.hpp"

#include <array>

namespace atlas::ui {

namespace {
struct Entry {
    S key;  // the enum value this row translates: the table is checked against the enum below
    const char* id;
    const char* en;
};

// Rows follow enum S; each names its key and the order is checked at compile time below.
constexpr Entry table[] = {
    {S::app_title, "Atlas Inovasi", "Atlas Inovasi"},
    {S::search_hint, "Cari inovasi, pemilik, daerah…", "Search innovations, owners, regions…"},
    {S::clear_all, "Hapus semua filter", "Clear all filters"},
    {S::filters_active, "Filter aktif:", "Active filters:"},
    {S::no_values, "(tidak ada nilai)", "(no values)"},
    {S::facet_year, "Tahun", "Year"},
    {S::facet_competition, "Kompetisi", "Competition"},
    {S::facet_tier, "Peringkat", "Tier"},
    {S::facet_province, "Provinsi", "Province"},
    {S::facet_regency, "Kabupaten/Kota", "Regency/City"},
    {S::facet_sector, "Sektor", "Sector"},
    {S::facet_stage, "Tahap replikasi", "Replication stage"},
    {S::facet_replicated, "Direplikasi", "Replicated"},
    {S::facet_confidence, "Keyakinan", "Confidence"},
    {S::tab_innovations, "Inovasi", "Innovations"},
    {S::tab_replications, "Replikasi", "Replications"},
    {S::col_name, "Nama", "Name"},
    {S::col_owner, "Pemilik", "Owner"},
    {S::col_region, "Daerah", "Region"},
    {S::col_award, "Penghargaan", "Award"},
    {S::col_sector, "Sektor", "Sector"},
    {S::col_replications, "Replikasi", "Replications"},
    {S::col_adopters, "Pengadopsi", "Adopters"},
    {S::col_confidence, "Keyakinan", "Confidence"},
    {S::col_source, "Inovasi sumber", "Source innovation"},
    {S::col_adopter, "Pengadopsi", "Adopter"},
    {S::col_stage, "Tahap", "Stage"},
    {S::col_date, "Tanggal", "Date"},
    {S::col_program, "Program", "Program"},
    {S::no_rows, "Tidak ada yang cocok dengan filter ini.", "Nothing matches these filters."},
    {S::detail_empty, "Pilih sebuah inovasi di tabel untuk melihat rinciannya.", "Select an innovation in the table to see its details."},
    {S::detail_owner, "Pemilik", "Owner"},
    {S::detail_unit, "Unit", "Unit"},
    {S::detail_region, "Daerah", "Region"},
    {S::detail_sector, "Sektor", "Sector"},
    {S::detail_started, "Mulai", "Started"},
    {S::detail_status, "Status", "Status"},
    {S::detail_awards, "Penghargaan", "Awards"},
    {S::detail_derived_from, "Hasil replikasi dari", "Replicated from"},
    {S::detail_replicated_by, "Direplikasi oleh", "Replicated by"},
    {S::detail_cohorts, "Program replikasi (pasangan tidak diketahui)", "Replication programs (pairing unknown)"},
    {S::detail_events, "Dipamerkan atau dibahas di", "Shown or discussed at"},
    {S::detail_sources, "Sumber", "Sources"},
    {S::detail_confidence, "Keyakinan", "Confidence"},
    {S::detail_note, "Catatan", "Note"},
    {S::detail_derived, "menjadi inovasi baru", "became a new innovation"},
    {S::detail_owner_adopted, "Pemilik ini juga mereplikasi", "This owner also replicated"},
    {S::detail_pairing_unknown, "Sumber menyebut program ini tanpa menyebut siapa mereplikasi inovasi yang mana.",
     "The source names this program without saying who replicated which innovation."},
    {S::pairing_unknown_short, "pasangan tidak diketahui", "pairing unknown"},
    {S::detail_adopters_count, "pengadopsi", "adopters"},
    {S::detail_regions, "Daerah", "Regions"},
    {S::detail_other_sources, "Inovasi lain dalam program", "Other innovations in the program"},
    {S::detail_none, "tidak ada", "none"},
    {S::detail_no_year, "tahun tidak disebut", "year not stated"},
    {S::detail_no_tier, "peringkat tidak disebut", "tier not stated"},
    {S::detail_open_link, "buka", "open"},
    {S::detail_national, "Pusat / nasional", "Central / national"},
    {S::detail_participants, "Peserta", "Participants"},
    {S::detail_group_members, "anggota", "members"},
    {S::detail_online, "daring", "online"},
    {S::stage_interest, "Minat", "Interest"},
    {S::stage_commitment, "Komitmen", "Commitment"},
    {S::stage_action_plan, "Rencana aksi", "Action plan"},
    {S::stage_implemented, "Diterapkan", "Implemented"},
    {S::conf_high, "tinggi", "high"},
    {S::conf_medium, "sedang", "medium"},
    {S::conf_low, "rendah", "low"},
    {S::conf_unspecified, "tidak dinilai", "not graded"},
    {S::yes, "Ya", "Yes"},
    {S::no, "Tidak", "No"},
    {S::national, "Pusat / nasional", "Central / national"},
    {S::status_shown_of, "%u dari %u inovasi", "%u of %u innovations"},
    {S::status_innovations, "inovasi", "innovations"},
    {S::status_synthetic, "SINTETIS", "SYNTHETIC"},
    {S::status_bundle_date, "dibuat", "created"},
    {S::status_problems, "%u masalah dalam bundel", "%u problems in the bundle"},
    {S::lang_toggle, "English", "Bahasa Indonesia"},
    {S::load_failed, "Bundel tidak dapat dimuat", "The bundle could not be loaded"},
    {S::load_kept_previous, "Data sebelumnya tetap ditampilkan.", "The previous data is still shown."},
    {S::close, "Tutup", "Close"},
    {S::copy, "Salin", "Copy"},
    {S::copied, "Disalin", "Copied"},
    {S::about, "Tentang", "About"},
    {S::about_text, "Atlas Inovasi menghimpun inovasi pelayanan publik Indonesia dan siapa yang mereplikasinya. "
     "Setiap catatan menyebut sumbernya.\n\nKode dan nama wilayah: idn-area-data (ODbL 1.0). "
     "Huruf: Inter (SIL Open Font License 1.1). Dear ImGui (MIT), SDL2 (zlib), nlohmann/json (MIT).",
     "Atlas Inovasi gathers Indonesian public-service innovations and who replicated them. "
     "Every record names its source.\n\nRegion codes and names: idn-area-data (ODbL 1.0). "
     "Font: Inter (SIL Open Font License 1.1). Dear ImGui (MIT), SDL2 (zlib), nlohmann/json (MIT)."},
    // ---- lineage view (issue 6) ----
    {S::tab_lineage, "Silsilah", "Lineage"},
    {S::lin_search_hint, "Cari inovasi untuk dilacak…", "Find an innovation to trace…"},
    {S::lin_colour_stage, "Warna: tahap", "Colour: stage"},
    {S::lin_colour_province, "Warna: provinsi", "Colour: province"},
    {S::lin_time_axis, "Sumbu waktu", "Time axis"},
    {S::lin_fit, "Paskan", "Fit"},
    {S::lin_all_years, "Semua tahun", "All years"},
    {S::lin_play, "Putar", "Play"},
    {S::lin_pause, "Jeda", "Pause"},
    {S::lin_empty, "Pilih inovasi dari tabel, peta, peringkat atau kotak cari untuk melihat silsilahnya.", "Select an innovation in a table, the map, the ranking or the search box to see its lineage."},
    {S::lin_nodes, "simpul", "nodes"},
    {S::lin_generations, "generasi", "generations"},
    {S::lin_provinces, "provinsi", "provinces"},
    {S::lin_regencies, "kab/kota", "regencies"},
    {S::lin_ranking, "Paling banyak direplikasi", "Most replicated"},
    {S::lin_rank_adopters, "menurut pengadopsi", "by adopters"},
    {S::lin_rank_provinces, "menurut provinsi", "by provinces"},
    {S::lin_rank_generations, "menurut generasi", "by generations"},
    {S::lin_rank_none, "Tidak ada inovasi yang direplikasi dalam filter ini.", "No replicated innovation under these filters."},
    {S::lin_group_adopters, "pengadopsi", "adopters"},
    {S::lin_group_schools, "Sekolah", "schools"},
    {S::lin_group_health, "Puskesmas", "Puskesmas"},
    {S::lin_group_kecamatan, "Kecamatan", "kecamatan"},
    {S::lin_group_governments, "Pemda", "governments"},
    {S::lin_group_expand, "Klik untuk membuka kelompok", "Click to expand the group"},
    {S::lin_collapse, "Ciutkan kelompok", "Collapse groups"},
    {S::lin_program, "Program", "Program"},
    {S::lin_innovation, "Inovasi asal", "Original innovation"},
    {S::lin_other, "lainnya", "other"},
    {S::lin_undated, "tanpa tanggal", "undated"},
    {S::lin_cycles, "Siklus dalam data dipotong", "Cycles in the data were cut"},
    {S::lin_hint_controls, "Seret untuk menggeser, roda untuk zoom, klik simpul untuk memilih.", "Drag to pan, wheel to zoom, click a node to select it."},
    {S::data_menu, "Data", "Data"},
    {S::open_bundle, "Buka bundel…", "Open bundle…"},
    {S::open_bundle_hint, "Atau seret berkas .json ke halaman ini.", "Or drop a .json file onto this page."},
    {S::copy_link, "Salin tautan tampilan ini", "Copy link to this view"},
    {S::link_copied, "Tautan disalin", "Link copied"},
    {S::export_innovations, "Ekspor inovasi terpilih (CSV)", "Export selected innovations (CSV)"},
    {S::export_replications, "Ekspor replikasi terpilih (CSV)", "Export selected replications (CSV)"},
    {S::problems_title, "Masalah dalam bundel", "Problems in the bundle"},
    {S::problems_none, "Validator tidak menemukan masalah.", "The validator found no problems."},
    {S::problems_button, "Masalah (%u)", "Problems (%u)"},
    {S::problems_unlisted, "%u masalah lain tidak dicantumkan; hanya %u yang pertama ditampilkan.",
     "%u more problems are not listed; only the first %u are shown."},
    {S::loading_reading, "Membaca %s…", "Reading %s…"},
    {S::loading_parsing, "Memeriksa %s…", "Checking %s…"},
    {S::notice_title, "Catatan", "Notice"},
    {S::notice_link_too_long, "Tautan terlalu panjang dan diabaikan.", "The link is too long and was ignored."},
    {S::notice_link_encoding, "Bagian tautan \"%s\" tidak terbaca dan diabaikan.", "Part \"%s\" of the link could not be read and was ignored."},
    {S::notice_link_unknown_key, "Tautan memuat \"%s\" yang tidak dikenal; diabaikan.", "The link has an unknown part \"%s\"; ignored."},
    {S::notice_link_bad_value, "Nilai \"%s\" dalam tautan tidak sah; diabaikan.", "The link's \"%s\" value is not valid; ignored."},
    {S::notice_link_value_too_long, "Nilai \"%s\" dalam tautan terlalu panjang; diabaikan.", "The link's \"%s\" value is too long; ignored."},
    {S::notice_link_repeated, "\"%s\" muncul dua kali dalam tautan; yang pertama dipakai.", "\"%s\" appears twice in the link; the first one is used."},
    {S::notice_unknown_id, "Tautan menyebut \"%s\" yang tidak ada dalam bundel ini; diabaikan.", "The link names \"%s\", which is not in this bundle; ignored."},
    {S::notice_unknown_value, "Filter %s = \"%s\" dari tautan tidak ada dalam bundel ini; diabaikan.", "Filter %s = \"%s\" from the link is not in this bundle; ignored."},
    {S::dismiss, "Tutup catatan", "Dismiss"},
    {S::status_record_counts, "%u replikasi, %u program, %u penghargaan, %u sumber",
     "%u replications, %u programs, %u awards, %u sources"},
    {S::export_map_png, "Ekspor peta (PNG)", "Export map (PNG)"},
    // ---- issue 7 ----
    {S::tab_figures, "Angka", "Figures"},
    {S::fig_col_metric, "Ukuran", "Metric"},
    {S::fig_col_scope, "Lingkup", "Scope"},
    {S::fig_col_period, "Periode", "Period"},
    {S::fig_col_published, "Angka terbit", "Published"},
    {S::fig_col_bundle, "Dalam data", "In bundle"},
    {S::fig_col_coverage, "Cakupan", "Coverage"},
    {S::fig_col_filtered, "Terfilter", "Filtered"},
    {S::fig_col_source, "Sumber", "Source"},
    {S::fig_not_comparable,
     "Angka ini bukan hitungan catatan (mis. tahun, peringkat, produksi atau daftar nama): tidak dapat dihitung dari data.",
     "Not a count of records (e.g. a year, a rank, a production figure or a list of names): it cannot be computed from the data."},
    {S::fig_bundle_tip, "Hitungan yang sama atas seluruh data yang dimuat.", "The same count over the whole loaded bundle."},
    {S::fig_filtered_tip, "Hitungan yang sama atas inovasi yang lolos filter saat ini.",
     "The same count over the innovations the current filters keep."},
    {S::fig_coverage_tip, "Dalam data ÷ angka terbit.", "In bundle ÷ published."},
    {S::fig_partial_banner, "Data ini parsial: jangan dibaca sebagai keseluruhan.",
     "This bundle is partial: do not read it as the whole picture."},
    {S::fig_partial_detail, "Untuk %d angka terbit yang dapat dibandingkan, data yang dimuat mencakup %s–%s dari jumlah yang diterbitkan.",
     "For %d comparable published figures, the loaded bundle holds %s–%s of the published count."},
    {S::fig_covered_banner, "Data yang dimuat mencakup angka terbit yang dapat dibandingkan.",
     "The loaded bundle covers the comparable published figures."},
    {S::fig_none, "Data ini tidak memuat angka terbit.", "This bundle has no published figures."},
    {S::fig_no_period, "(periode tidak disebut)", "(period not stated)"},
    {S::fig_heading_published, "Angka terbit vs. data yang dimuat", "Published figures vs. the loaded bundle"},
    {S::fig_heading_charts, "Grafik (mengikuti filter)", "Charts (follow the filters)"},
    {S::chart_awards, "Penghargaan per tahun menurut peringkat", "Awards per year by tier"},
    {S::chart_awards_note,
     "Klik segmen: filter tahun penghargaan dan peringkat; label tahun: tahun saja; legenda: peringkat saja.",
     "Click a segment: filter by award year and tier; a year label: the year alone; the legend: the tier alone."},
    {S::chart_awards_unit, "penghargaan", "awards"},
    {S::chart_replications, "Replikasi per tahun menurut tahap", "Replications per year by stage"},
    {S::chart_replications_note,
     "Tahun = langkah bertanggal pertama. Klik segmen atau legenda: filter tahap (tahun replikasi bukan filter).",
     "Year = first dated step. Click a segment or the legend: filter by stage (the replication year is not a filter)."},
    {S::chart_replications_unit, "baris replikasi", "replication rows"},
    {S::chart_provinces, "Provinsi teratas (inovasi yang dimiliki)", "Top provinces (innovations owned)"},
    {S::chart_provinces_note, "Klik baris: filter provinsi pemilik.", "Click a row: filter by owner province."},
    {S::chart_provinces_unit, "inovasi", "innovations"},
    {S::chart_undated, "%u tanpa tahun (tidak digambar)", "%u with no year (not drawn)"},
    {S::chart_empty, "Tidak ada data untuk filter ini.", "No data for these filters."},
    {S::chart_click_filter, "Klik untuk memfilter tabel", "Click to filter the tables"},
    {S::chart_click_remove, "Klik lagi untuk melepas filter", "Click again to remove the filter"},
    {S::low_confidence, "keyakinan rendah", "low confidence"},
    {S::bundle_menu, "Bundel", "Bundle"},
    {S::data_menu_tip, "Pilih data yang dimuat (filter dipertahankan)", "Choose the data to load (filters are kept)"},
    {S::data_loaded_from, "tertanam", "embedded"},
    // ---- map view (issue 5) ----
    {S::tab_map, "Peta", "Map"},
    {S::map_unavailable, "Data batas wilayah tidak disertakan saat program ini dibangun, jadi peta tidak dapat ditampilkan.",
     "Boundary data was not built into this program, so the map cannot be shown."},
    {S::map_metric, "Ukuran", "Measure"},
    {S::metric_owned, "Inovasi dimiliki", "Innovations owned"},
    {S::metric_given, "Replikasi diberikan (sumber)", "Replications given (source)"},
    {S::metric_received, "Replikasi diterima (pengadopsi)", "Replications received (adopter)"},
    {S::metric_awards, "Penghargaan", "Awards"},
    {S::map_regencies, "Kab/Kota", "Regencies"},
    {S::map_arcs, "Alur replikasi", "Replication arcs"},
    {S::map_reset, "Atur ulang", "Reset"},
    {S::map_no_data, "tanpa data", "no data"},
    {S::map_program, "program (pasangan tidak diketahui)", "program (pairing unknown)"},
    {S::map_within, "di dalam daerah", "within region"},
    {S::map_arcs_shown, "%u dari %u alur terbesar", "largest %u of %u arcs"},
    {S::map_national, "%u inovasi nasional (tidak di peta)", "%u national innovations (not on the map)"},
    {S::map_until, "s.d. tahun %d", "up to %d"},
    {S::map_tip_internal, "Replikasi di dalam daerah: %u", "Replications within the region: %u"},
    {S::map_tip_programs, "Program (pasangan tidak diketahui): %u", "Programs (pairing unknown): %u"},
    {S::map_tip_click, "Klik: saring menurut daerah ini; klik lagi: hapus", "Click: filter by this region; again: remove"},
    {S::map_selected, "Dipilih", "Selected"},
};
static_assert(std::size(table) == static_cast<std::size_t>(S::count), "string table and enum S disagree");
constexpr bool table_in_enum_order() {
    for (std::size_t i = 0; i < std::size(table); ++i)
        if (static_cast<std::size_t>(table[i].key) != i) return false;
    return true;
}
static_assert(table_in_enum_order(), "a row of the string table is out of enum S order");

Lang current = Lang::id;
}  // namespace

void set_language(Lang lang) noexcept { current = lang; }
Lang language() noexcept { return current; }
const char* tr(S s, Lang lang) noexcept {
    const Entry& e = table[static_cast<std::size_t>(s)];
    return lang == Lang::id ? e.id : e.en;
}
const char* tr(S s) noexcept { return tr(s, current); }

const char* value_label(std::string_view facet, std::string_view v) noexcept {
    if (facet == "stage") {
        if (v == "interest") return tr(S::stage_interest);
        if (v == "commitment") return tr(S::stage_commitment);
        if (v == "action_plan") return tr(S::stage_action_plan);
        if (v == "implemented") return tr(S::stage_implemented);
    } else if (facet == "confidence") {
        if (v == "high") return tr(S::conf_high);
        if (v == "medium") return tr(S::conf_medium);
        if (v == "low") return tr(S::conf_low);
        if (v == "unspecified" || v.empty()) return tr(S::conf_unspecified);
    } else if (facet == "replicated") {
        if (v == "yes") return tr(S::yes);
        if (v == "no") return tr(S::no);
    } else if (facet == "province") {
        if (v == "national") return tr(S::national);
    }
    return nullptr;
}

}  // namespace atlas::ui
