#include "strings.hpp"

#include <array>

namespace atlas::ui {

namespace {
struct Entry {
    const char* id;
    const char* en;
};

// Order follows enum S; checked at compile time by the size below.
constexpr Entry table[] = {
    {"Atlas Inovasi", "Atlas Inovasi"},
    {"Cari inovasi, pemilik, daerah…", "Search innovations, owners, regions…"},
    {"Hapus semua filter", "Clear all filters"},
    {"Filter aktif:", "Active filters:"},
    {"(tidak ada nilai)", "(no values)"},
    {"Tahun", "Year"},
    {"Kompetisi", "Competition"},
    {"Peringkat", "Tier"},
    {"Provinsi", "Province"},
    {"Kabupaten/Kota", "Regency/City"},
    {"Sektor", "Sector"},
    {"Tahap replikasi", "Replication stage"},
    {"Direplikasi", "Replicated"},
    {"Keyakinan", "Confidence"},
    {"Inovasi", "Innovations"},
    {"Replikasi", "Replications"},
    {"Nama", "Name"},
    {"Pemilik", "Owner"},
    {"Daerah", "Region"},
    {"Penghargaan", "Award"},
    {"Sektor", "Sector"},
    {"Replikasi", "Replications"},
    {"Pengadopsi", "Adopters"},
    {"Keyakinan", "Confidence"},
    {"Inovasi sumber", "Source innovation"},
    {"Pengadopsi", "Adopter"},
    {"Tahap", "Stage"},
    {"Tanggal", "Date"},
    {"Program", "Program"},
    {"Tidak ada yang cocok dengan filter ini.", "Nothing matches these filters."},
    {"Pilih sebuah inovasi di tabel untuk melihat rinciannya.", "Select an innovation in the table to see its details."},
    {"Pemilik", "Owner"},
    {"Unit", "Unit"},
    {"Daerah", "Region"},
    {"Sektor", "Sector"},
    {"Mulai", "Started"},
    {"Status", "Status"},
    {"Penghargaan", "Awards"},
    {"Hasil replikasi dari", "Replicated from"},
    {"Direplikasi oleh", "Replicated by"},
    {"Program replikasi (pasangan tidak diketahui)", "Replication programs (pairing unknown)"},
    {"Dipamerkan atau dibahas di", "Shown or discussed at"},
    {"Sumber", "Sources"},
    {"Keyakinan", "Confidence"},
    {"Catatan", "Note"},
    {"menjadi inovasi baru", "became a new innovation"},
    {"Pemilik ini juga mereplikasi", "This owner also replicated"},
    {"Sumber menyebut program ini tanpa menyebut siapa mereplikasi inovasi yang mana.",
     "The source names this program without saying who replicated which innovation."},
    {"pasangan tidak diketahui", "pairing unknown"},
    {"pengadopsi", "adopters"},
    {"Daerah", "Regions"},
    {"Inovasi lain dalam program", "Other innovations in the program"},
    {"tidak ada", "none"},
    {"tahun tidak disebut", "year not stated"},
    {"peringkat tidak disebut", "tier not stated"},
    {"buka", "open"},
    {"Pusat / nasional", "Central / national"},
    {"Peserta", "Participants"},
    {"anggota", "members"},
    {"daring", "online"},
    {"Minat", "Interest"},
    {"Komitmen", "Commitment"},
    {"Rencana aksi", "Action plan"},
    {"Diterapkan", "Implemented"},
    {"tinggi", "high"},
    {"sedang", "medium"},
    {"rendah", "low"},
    {"tidak dinilai", "not graded"},
    {"Ya", "Yes"},
    {"Tidak", "No"},
    {"Pusat / nasional", "Central / national"},
    {"%u dari %u inovasi", "%u of %u innovations"},
    {"inovasi", "innovations"},
    {"SINTETIS", "SYNTHETIC"},
    {"dibuat", "created"},
    {"%u masalah dalam bundel", "%u problems in the bundle"},
    {"English", "Bahasa Indonesia"},
    {"Bundel tidak dapat dimuat", "The bundle could not be loaded"},
    {"Data sebelumnya tetap ditampilkan.", "The previous data is still shown."},
    {"Tutup", "Close"},
    {"Salin", "Copy"},
    {"Disalin", "Copied"},
    {"Tentang", "About"},
    {"Atlas Inovasi menghimpun inovasi pelayanan publik Indonesia dan siapa yang mereplikasinya. "
     "Setiap catatan menyebut sumbernya.\n\nKode dan nama wilayah: idn-area-data (ODbL 1.0). "
     "Huruf: Inter (SIL Open Font License 1.1). Dear ImGui (MIT), SDL2 (zlib), nlohmann/json (MIT).",
     "Atlas Inovasi gathers Indonesian public-service innovations and who replicated them. "
     "Every record names its source.\n\nRegion codes and names: idn-area-data (ODbL 1.0). "
     "Font: Inter (SIL Open Font License 1.1). Dear ImGui (MIT), SDL2 (zlib), nlohmann/json (MIT)."},
};
static_assert(std::size(table) == static_cast<std::size_t>(S::count), "string table and enum S disagree");

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
