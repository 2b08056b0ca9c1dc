// The synthetic bundle generator (see synth.hpp). Everything random goes through Rng, and
// every weight is an integer (or an IEEE-exact sqrt), so one seed gives one output on every
// standard library. Unordered containers are only looked up, never iterated for output.
#include "core/synth.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/regions.hpp"

namespace atlas {
namespace {

// ===========================================================================
// Randomness: xoshiro256** seeded through splitmix64, with our own range helpers.
// ===========================================================================
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& w : s_) w = splitmix(seed);
    }
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, n), n > 0; rejection keeps it exactly uniform.
    std::uint64_t below(std::uint64_t n) noexcept {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }
    std::uint32_t below32(std::size_t n) noexcept { return static_cast<std::uint32_t>(below(n)); }
    int range(int lo, int hi) noexcept { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    // True with probability per_mille / 1000.
    bool chance(unsigned per_mille) noexcept { return below(1000) < per_mille; }
    // Index drawn with the given integer weights.
    template <std::size_t N>
    std::size_t weighted(const std::array<unsigned, N>& w) noexcept {
        unsigned total = 0;
        for (unsigned x : w) total += x;
        unsigned u = static_cast<unsigned>(below(total));
        for (std::size_t i = 0; i < N; ++i) {
            if (u < w[i]) return i;
            u -= w[i];
        }
        return N - 1;
    }

private:
    std::array<std::uint64_t, 4> s_{};
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) noexcept {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

// Weighted sampling over a growing set of items (innovations), weights changeable.
class Fenwick {
public:
    explicit Fenwick(std::size_t n) : t_(n + 1, 0) {
        while ((mask_ << 1) <= n) mask_ <<= 1;
    }
    void add(std::size_t i, std::uint64_t w) {
        total_ += w;
        for (++i; i < t_.size(); i += i & (~i + 1)) t_[i] += w;
    }
    std::uint64_t total() const noexcept { return total_; }
    // The item whose cumulative range holds u (u < total()).
    std::size_t find(std::uint64_t u) const noexcept {
        std::size_t pos = 0;
        for (std::size_t step = mask_; step; step >>= 1) {
            if (pos + step < t_.size() && t_[pos + step] <= u) {
                pos += step;
                u -= t_[pos];
            }
        }
        return pos;
    }

private:
    std::vector<std::uint64_t> t_;
    std::size_t mask_ = 1;
    std::uint64_t total_ = 0;
};

// Zipf-like weight of popularity rank k (1-based): (k + 8)^-0.75, from sqrt only (exact in IEEE).
std::uint64_t zipf_weight(std::uint64_t rank) {
    const double x = static_cast<double>(rank + 8);
    return static_cast<std::uint64_t>(1e12 / (std::sqrt(x) * std::sqrt(std::sqrt(x)))) + 1;
}

// ===========================================================================
// Dates as day numbers (H. Hinnant's civil calendar algorithms).
// ===========================================================================
int days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
Date civil_from_days(int z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    Date out;
    out.year = static_cast<std::int16_t>(era * 400 + yoe + (m <= 2));
    out.month = static_cast<std::uint8_t>(m);
    out.day = static_cast<std::uint8_t>(d);
    return out;
}
const int first_day = days_from_civil(2014, 1, 1);
const int last_day = days_from_civil(2025, 12, 31);
int year_start(int y) { return days_from_civil(std::clamp(y, 2014, 2025), 1, 1); }

// ===========================================================================
// Vocabulary
// ===========================================================================
constexpr std::string_view syllables[] = {
    "ba", "bi", "bu", "da", "di", "du", "ga", "gi", "ja", "ka", "ki", "ku", "la", "li", "lu", "ma", "mi",
    "mu", "na", "ni", "nu", "pa", "pi", "pu", "ra", "ri", "ru", "sa", "si", "su", "ta", "ti", "tu", "wa",
    "ya", "ban", "dan", "gan", "kan", "lan", "man", "pan", "ran", "san", "tan", "tas", "mas", "nah", "tik",
    "pin", "sip", "ling", "rang", "nga", "nya", "kop", "tar", "sen", "dang", "jo", "ko", "lo", "so", "to"};
constexpr std::string_view words[] = {
    "Sistem", "Informasi", "Pelayanan", "Gerakan", "Masyarakat", "Sehat", "Terpadu", "Cepat", "Desa",
    "Digital", "Data", "Bersama", "Anak", "Ibu", "Keluarga", "Sekolah", "Pangan", "Layanan", "Mandiri",
    "Sejahtera", "Warga", "Peduli", "Aplikasi", "Satu", "Pintu", "Rumah", "Kampung", "Inovasi", "Air",
    "Bersih", "Sampah", "Berbasis", "Pasar", "Petani", "Nelayan", "Ternak", "Pemantauan", "Pencegahan",
    "Stunting", "Gizi", "Balita", "Lansia", "Disabilitas", "Perempuan", "Pemuda", "Literasi", "Karya",
    "Usaha", "Mikro", "Pajak", "Retribusi", "Keliling", "Jemput", "Bola", "Antar", "Dokumen", "Surat",
    "Izin", "Publik", "Pengaduan", "Cerdas", "Tanggap", "Darurat", "Bencana", "Hijau", "Lingkungan",
    "Wisata", "Budaya", "Jalan", "Kerja", "Ekonomi", "Aset", "Elektronik", "Kolaborasi", "Sinergi",
    "Percepatan", "Penurunan", "Pemberdayaan", "Perlindungan", "Pemeriksaan", "Persalinan", "Imunisasi",
    "Posyandu", "Klinik", "Obat", "Kader", "Belajar", "Menarik", "Siswa", "Istimewa", "Kembali", "Emas"};
constexpr std::string_view heads[] = {"Gerakan", "Layanan", "Sistem", "Rumah", "Kampung", "Klinik", "Sekolah",
                                      "Pojok", "Gerai", "Jaringan", "Program", "Mobil", "Pusat", "Kelas"};
constexpr bool is_vowel(char c) {
    const char l = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u';
}
constexpr std::string_view accented_words[] = {"Café", "Kafé", "Résik", "Sérasi", "Pésta", "Mandé", "Énak"};
constexpr std::string_view derived_suffixes[] = {"Plus", "2.0", "Digital", "Terpadu", "Mandiri", "Go"};
constexpr std::string_view village_heads[] = {"Suka", "Sumber", "Karang", "Tanjung", "Mekar", "Sido",
                                              "Bumi", "Wono", "Tegal", "Banjar", "Kali", "Giri"};
constexpr std::string_view village_tails[] = {"maju", "rejo", "jaya", "sari", "mulya", "asri",
                                              "makmur", "harjo", "agung", "mukti", "wangi"};

// Institution templates. Per-regency singletons first, then keyed ones.
enum class Tpl : std::uint8_t {
    pemda, dinkes, dindik, dukcapil, dinsos, pertanian, kominfo, dpmptsp, bappeda, bpkad, bpbd, dlh,
    pariwisata, dishub, disnaker, setda, rsud, polres,  // singletons of a regency
    puskesmas, kecamatan, desa, smp, sd,                // several per regency (district, number)
    group_puskesmas, group_smp,                         // "12 Puskesmas di Kota X"
    prov_pemda, prov_dinkes,                            // provincial
    central,
};
struct TplDef {
    std::string_view prefix;
    std::string_view kind;
    Tpl parent;
};
constexpr TplDef singles[] = {
    {"Pemerintah", "government", Tpl::pemda},
    {"Dinas Kesehatan", "dinas", Tpl::pemda},
    {"Dinas Pendidikan", "dinas", Tpl::pemda},
    {"Dinas Kependudukan dan Pencatatan Sipil", "dinas", Tpl::pemda},
    {"Dinas Sosial", "dinas", Tpl::pemda},
    {"Dinas Pertanian dan Ketahanan Pangan", "dinas", Tpl::pemda},
    {"Dinas Komunikasi dan Informatika", "dinas", Tpl::pemda},
    {"Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "dinas", Tpl::pemda},
    {"Badan Perencanaan Pembangunan Daerah", "badan", Tpl::pemda},
    {"Badan Pengelolaan Keuangan dan Aset Daerah", "badan", Tpl::pemda},
    {"Badan Penanggulangan Bencana Daerah", "badan", Tpl::pemda},
    {"Dinas Lingkungan Hidup", "dinas", Tpl::pemda},
    {"Dinas Pariwisata", "dinas", Tpl::pemda},
    {"Dinas Perhubungan", "dinas", Tpl::pemda},
    {"Dinas Tenaga Kerja", "dinas", Tpl::pemda},
    {"Sekretariat Daerah", "secretariat", Tpl::pemda},
    {"RSUD", "hospital", Tpl::dinkes},
    {"Kepolisian Resor", "police", Tpl::central},  // parent `central` = none
};
struct CentralDef {
    std::string_view name;
    std::string_view kind;
};
constexpr CentralDef centrals[] = {
    {"Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "ministry"},
    {"Kementerian Kesehatan", "ministry"},
    {"Kementerian Pendidikan Dasar dan Menengah", "ministry"},
    {"Kementerian Dalam Negeri", "ministry"},
    {"Kementerian Sosial", "ministry"},
    {"Kementerian Pertanian", "ministry"},
    {"Badan Kependudukan dan Keluarga Berencana Nasional", "agency"},
    {"Badan Pusat Statistik", "agency"},
    {"Lembaga Administrasi Negara", "agency"},
    {"Badan Pengawas Obat dan Makanan", "agency"},
    {"BPJS Kesehatan", "agency"},
    {"PT Pos Indonesia (Persero)", "soe"},
};

struct SectorDef {
    std::string_view name;
    std::array<Tpl, 3> units;
};
constexpr SectorDef sectors[] = {
    {"kesehatan", {Tpl::dinkes, Tpl::puskesmas, Tpl::rsud}},
    {"kesehatan", {Tpl::puskesmas, Tpl::puskesmas, Tpl::dinkes}},
    {"pendidikan", {Tpl::dindik, Tpl::smp, Tpl::sd}},
    {"pendidikan", {Tpl::smp, Tpl::sd, Tpl::smp}},
    {"administrasi kependudukan", {Tpl::dukcapil, Tpl::kecamatan, Tpl::dukcapil}},
    {"sosial", {Tpl::dinsos, Tpl::desa, Tpl::dinsos}},
    {"pertanian", {Tpl::pertanian, Tpl::desa, Tpl::pertanian}},
    {"teknologi informasi", {Tpl::kominfo, Tpl::kominfo, Tpl::setda}},
    {"perizinan", {Tpl::dpmptsp, Tpl::dpmptsp, Tpl::kecamatan}},
    {"perencanaan", {Tpl::bappeda, Tpl::bappeda, Tpl::setda}},
    {"keuangan daerah", {Tpl::bpkad, Tpl::bpkad, Tpl::desa}},
    {"kebencanaan", {Tpl::bpbd, Tpl::bpbd, Tpl::desa}},
    {"lingkungan hidup", {Tpl::dlh, Tpl::desa, Tpl::dlh}},
    {"pariwisata", {Tpl::pariwisata, Tpl::desa, Tpl::pariwisata}},
    {"perhubungan", {Tpl::dishub, Tpl::dishub, Tpl::dishub}},
    {"ketenagakerjaan", {Tpl::disnaker, Tpl::disnaker, Tpl::disnaker}},
    {"tata kelola pemerintahan", {Tpl::setda, Tpl::kecamatan, Tpl::desa}},
    {"keamanan dan ketertiban", {Tpl::polres, Tpl::polres, Tpl::kecamatan}},
    {"ekonomi", {Tpl::pemda, Tpl::desa, Tpl::dpmptsp}},
};
constexpr std::size_t sector_count = std::size(sectors);

// ===========================================================================
// The generator
// ===========================================================================
struct Province {
    std::string_view code, name;
    std::vector<std::uint32_t> regencies;
};
struct Regency {
    std::string_view code, name, short_name;
    std::uint32_t province = 0;
    std::uint32_t first_district = 0, district_count = 0;
    bool kota = false;
};
struct Program {
    EventId event;
    int year = 0;
    std::int32_t province = -1;  // -1 = national
    std::vector<EventId> sessions;
};
// Per-innovation facts the generator needs again later.
struct InnFacts {
    std::uint8_t sector = 0;
    std::uint8_t generation = 0;
    std::int16_t year = 2014;
    std::int32_t regency = -1;
};

std::string make_id(std::string_view prefix, std::size_t n) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    (void)ec;
    const std::size_t len = static_cast<std::size_t>(end - digits);
    std::string id(prefix);
    if (len < 6) id.append(6 - len, '0');
    id.append(digits, len);
    return id;
}

std::string_view strip_level(std::string_view name) {
    for (std::string_view p : {"Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "})
        if (name.substr(0, p.size()) == p) return name.substr(p.size());
    return name;
}

class Generator {
public:
    explicit Generator(const SynthOptions& o) : opt_(o), rng_(o.seed ^ 0x41746C6173ull), pool_(o.innovations) {
        load_regions();
    }
    Dataset run();

private:
    const SynthOptions& opt_;
    Rng rng_;
    Dataset ds_;
    std::vector<Province> provinces_;
    std::vector<Regency> regencies_;
    std::vector<Region> districts_;
    std::vector<std::uint64_t> regency_cumulative_;
    std::unordered_map<std::uint64_t, std::uint32_t> inst_cache_;
    std::vector<InnFacts> facts_;
    Fenwick pool_;
    std::uint32_t replicable_ = 1;
    std::uint32_t roots_ = 0;
    std::vector<Program> programs_;
    std::vector<std::uint32_t> session_signers_;  // by event row
    std::unordered_set<std::uint64_t> event_has_innovation_;
    std::unordered_set<std::uint64_t> pairs_;

    void load_regions();
    std::uint32_t pick_regency() {
        const std::uint64_t u = rng_.below(regency_cumulative_.back());
        return static_cast<std::uint32_t>(
            std::upper_bound(regency_cumulative_.begin(), regency_cumulative_.end(), u) - regency_cumulative_.begin());
    }
    std::uint32_t pick_regency_in(std::uint32_t province) {
        const auto& r = provinces_[province].regencies;
        return r.empty() ? pick_regency() : r[rng_.below(r.size())];
    }

    void cite(Cited& c, std::string id, unsigned high, unsigned medium, unsigned low);
    InstitutionId institution(Tpl tpl, std::uint32_t place, std::uint32_t number = 0);
    InstitutionId unit_in(Tpl tpl, std::uint32_t regency);
    std::string innovation_name(std::string& expansion);
    std::string description(const Innovation& x, std::string_view owner);
    void add_awards(InnovationId inn, int year_started, bool popular, bool derived);
    void make_sources();
    void make_programs();
    void make_roots(std::uint32_t count);
    void make_replications(std::uint32_t derived_budget);
    void grow_child(std::uint32_t src, Replication& x, std::uint32_t rep_row, std::vector<std::uint32_t>& spawnable);
    void make_family(std::uint32_t nodes);
    InstitutionId pick_adopter(const InnFacts& src, std::int32_t province, bool allow_group, std::uint32_t& count);
    std::vector<StageStep> make_stages(int start_day, Stage reached, EventId session);
    void make_cohorts(std::uint32_t count);
    void note_event_innovation(EventId e, InnovationId i);
};

void Generator::load_regions() {
    for (const Region& r : RegionTable::embedded().all()) {
        if (r.level == RegionLevel::province) {
            provinces_.push_back(Province{r.code, r.name, {}});
        } else if (r.level == RegionLevel::regency && !provinces_.empty()) {
            Regency g;
            g.code = r.code;
            g.name = r.name;
            g.short_name = strip_level(r.name);
            g.kota = r.name.substr(0, 5) == "Kota ";
            g.province = static_cast<std::uint32_t>(provinces_.size() - 1);
            g.first_district = static_cast<std::uint32_t>(districts_.size());
            provinces_.back().regencies.push_back(static_cast<std::uint32_t>(regencies_.size()));
            regencies_.push_back(g);
        } else if (r.level == RegionLevel::district && !regencies_.empty()) {
            districts_.push_back(r);
            ++regencies_.back().district_count;
        }
    }
    // Java and the larger provinces run (and copy) far more innovations.
    std::uint64_t total = 0;
    for (const Regency& g : regencies_) {
        const std::string_view p = provinces_[g.province].code;
        unsigned w = 2;
        if (p == "32" || p == "33" || p == "35") w = 12;
        else if (p == "31" || p == "34" || p == "36") w = 9;
        else if (p == "51" || p == "73" || p == "12" || p == "13" || p == "16" || p == "18" || p == "64") w = 4;
        total += w + (g.kota ? 1 : 0);
        regency_cumulative_.push_back(total);
    }
}

void Generator::cite(Cited& c, std::string id, unsigned high, unsigned medium, unsigned low) {
    c.id = std::move(id);
    const std::size_t n = ds_.sources.size();
    const std::uint32_t first = rng_.below32(n);
    c.sources.push_back(SourceId(first));
    if (n > 1 && rng_.chance(120))
        c.sources.push_back(SourceId(static_cast<std::uint32_t>((first + 1 + rng_.below(n - 1)) % n)));
    const unsigned u = static_cast<unsigned>(rng_.below(1000));
    c.confidence = u < high ? Confidence::high
                   : u < high + medium ? Confidence::medium
                   : u < high + medium + low ? Confidence::low
                                             : Confidence::unspecified;
}

// One institution per (template, place, number), created on first use with its parent.
// `place` is a regency row, district row, province row or central index depending on tpl.
InstitutionId Generator::institution(Tpl tpl, std::uint32_t place, std::uint32_t number) {
    const std::uint64_t key = (static_cast<std::uint64_t>(tpl) << 48) | (static_cast<std::uint64_t>(place) << 20) | number;
    if (auto it = inst_cache_.find(key); it != inst_cache_.end()) return InstitutionId(it->second);

    Institution x;
    InstitutionId parent;
    const int t = static_cast<int>(tpl);
    if (tpl <= Tpl::polres) {
        const Regency& g = regencies_[place];
        x.name.append(singles[t].prefix).append(" ").append(g.name);
        x.kind = singles[t].kind;
        x.region_code = g.code;
        if (tpl != Tpl::pemda && singles[t].parent != Tpl::central) parent = institution(singles[t].parent, place);
    } else if (tpl == Tpl::puskesmas || tpl == Tpl::kecamatan || tpl == Tpl::desa) {
        const Region& d = districts_[place];
        const std::uint32_t regency = static_cast<std::uint32_t>(
            std::upper_bound(regencies_.begin(), regencies_.end(), place,
                             [](std::uint32_t p, const Regency& g) { return p < g.first_district; }) - regencies_.begin() - 1);
        x.region_code = d.code;
        if (tpl == Tpl::puskesmas) {
            x.name.append("UPT Puskesmas ").append(d.name);
            x.kind = "health_centre";
            parent = institution(Tpl::dinkes, regency);
        } else if (tpl == Tpl::kecamatan) {
            x.name.append("Kantor Kecamatan ").append(d.name);
            x.kind = "kecamatan";
            parent = institution(Tpl::pemda, regency);
        } else {
            x.name.append("Pemerintah Desa ").append(village_heads[number % std::size(village_heads)]);
            x.name.append(village_tails[(number / std::size(village_heads)) % std::size(village_tails)]);
            x.kind = "village";
            parent = institution(Tpl::kecamatan, place);
        }
    } else if (tpl == Tpl::smp || tpl == Tpl::sd) {
        // Schools of a kota are named after the city; those of a kabupaten after their kecamatan.
        const Regency& g = regencies_[place >> 8];
        const std::string_view level = tpl == Tpl::smp ? "SMP Negeri " : "SD Negeri ";
        x.name.append(level).append(std::to_string(number)).append(" ");
        x.kind = "school";
        if (g.kota || g.district_count == 0) {
            x.name.append(g.name);
            x.region_code = g.code;
        } else {
            const Region& d = districts_[g.first_district + (place & 0xFF) % g.district_count];
            x.name.append(d.name);
            x.region_code = d.code;
        }
        parent = institution(Tpl::dindik, place >> 8);
    } else if (tpl == Tpl::group_puskesmas || tpl == Tpl::group_smp) {
        const Regency& g = regencies_[place];
        x.name.append(std::to_string(number)).append(tpl == Tpl::group_puskesmas ? " Puskesmas di " : " SMP Negeri di ");
        x.name.append(g.name);
        x.kind = "group";
        x.member_count = number;
        x.region_code = g.code;
        parent = institution(tpl == Tpl::group_puskesmas ? Tpl::dinkes : Tpl::dindik, place);
    } else if (tpl == Tpl::prov_pemda || tpl == Tpl::prov_dinkes) {
        const Province& p = provinces_[place];
        x.name.append(tpl == Tpl::prov_pemda ? "Pemerintah Provinsi " : "Dinas Kesehatan Provinsi ").append(p.name);
        x.kind = tpl == Tpl::prov_pemda ? "government" : "dinas";
        x.region_code = p.code;
        if (tpl == Tpl::prov_dinkes) parent = institution(Tpl::prov_pemda, place);
    } else {
        x.name = centrals[place % std::size(centrals)].name;
        x.kind = centrals[place % std::size(centrals)].kind;
    }
    x.parent = parent;
    const auto row = static_cast<std::uint32_t>(ds_.institutions.size());
    cite(x, make_id("syn-ins-", row + 1), 0, 0, 0);
    ds_.institutions.push_back(std::move(x));
    inst_cache_.emplace(key, row);
    return InstitutionId(row);
}

// An institution of kind `tpl` somewhere in a regency (choosing the district or number).
InstitutionId Generator::unit_in(Tpl tpl, std::uint32_t regency) {
    const Regency& g = regencies_[regency];
    switch (tpl) {
        case Tpl::puskesmas:
        case Tpl::kecamatan:
        case Tpl::desa:
            if (g.district_count == 0) return institution(Tpl::pemda, regency);
            return institution(tpl, g.first_district + rng_.below32(g.district_count),
                               tpl == Tpl::desa ? rng_.below32(std::size(village_heads) * std::size(village_tails)) : 0);
        case Tpl::smp:
        case Tpl::sd: {
            const std::uint32_t number = 1 + rng_.below32(g.kota ? 40 : 6);
            const std::uint32_t district = g.kota ? 0 : rng_.below32(std::max(1u, std::min(g.district_count, 255u)));
            return institution(tpl, (regency << 8) | district, number);
        }
        default:
            return institution(tpl, regency);
    }
}

std::string Generator::innovation_name(std::string& expansion) {
    auto syllable_word = [&](int n) {
        std::string w;
        for (int i = 0; i < n; ++i) w.append(syllables[rng_.below(std::size(syllables))]);
        w[0] = static_cast<char>(w[0] - 'a' + 'A');
        return w;
    };
    // Acronyms as Indonesian agencies make them: the first syllable of each word, so they can be
    // said aloud ("Sistem Pelayanan Terpadu" → "SIPETER").
    auto acronym = [&](int n_words) {
        std::string acro;
        for (int i = 0; i < n_words; ++i) {
            std::string_view w = words[rng_.below(std::size(words))];
            if (i) expansion += ' ';
            expansion.append(w);
            std::size_t take = 1;
            while (take < w.size() && !is_vowel(w[take - 1])) ++take;  // through the first vowel
            if (take < w.size() && !is_vowel(w[take]) && (take == 1 || rng_.chance(400))) ++take;
            for (std::size_t k = 0; k < take; ++k)
                acro += static_cast<char>(w[k] >= 'a' && w[k] <= 'z' ? w[k] - 'a' + 'A' : w[k]);
        }
        return acro;
    };
    switch (rng_.weighted(std::array<unsigned, 6>{40, 14, 16, 18, 6, 6})) {
        case 0: return acronym(rng_.range(2, 4));
        case 1: return "Si " + syllable_word(rng_.range(2, 3));
        case 2: {
            std::string a = acronym(rng_.range(2, 4));
            return a + " " + std::string(words[rng_.below(std::size(words))]);
        }
        case 3: {
            std::string n(heads[rng_.below(std::size(heads))]);
            const int k = rng_.range(1, 3);
            for (int i = 0; i < k; ++i) n.append(" ").append(words[rng_.below(std::size(words))]);
            return n;
        }
        case 4: return syllable_word(2) + " Ma’" + syllable_word(rng_.range(1, 2));
        default: {
            std::string n(words[rng_.below(std::size(words))]);
            return n + " " + std::string(accented_words[rng_.below(std::size(accented_words))]);
        }
    }
}

std::string Generator::description(const Innovation& x, std::string_view owner) {
    if (!rng_.chance(600)) return {};
    std::string d = "Inovasi sintetis bidang " + x.sector + " oleh " + std::string(owner) + ".";
    if (rng_.chance(500))
        d += " Menyederhanakan layanan " + std::string(words[rng_.below(std::size(words))]) +
             " dan " + std::string(words[rng_.below(std::size(words))]) + " bagi warga.";
    return d;
}

void Generator::add_awards(InnovationId inn, int year_started, bool popular, bool derived) {
    if (!rng_.chance(popular ? 600 : derived ? 150 : 60)) return;
    const int lo = std::clamp(year_started, 2014, 2025);
    const int year = rng_.range(lo, std::max(lo, std::min(year_started + 4, 2025)));
    auto tier_of = [](int y) {
        return y == 2014 ? "Top 9" : y == 2015 ? "Top 25" : y == 2016 ? "Top 35" : y <= 2018 ? "Top 40" : "Top 45";
    };
    const std::string_view group = derived && rng_.chance(700) ? "replikasi" : rng_.chance(130) ? "khusus" : "umum";
    auto add = [&](std::string tier) {
        Award a;
        cite(a, make_id("syn-awd-", ds_.awards.size() + 1), 800, 150, 30);
        a.innovation = inn;
        a.competition = "KIPP";
        a.year = static_cast<std::int16_t>(year);
        a.tier = std::move(tier);
        a.group = group;
        ds_.awards.push_back(std::move(a));
    };
    const bool finalist = rng_.chance(550);
    if (finalist) add("Top 99");
    if (!finalist || rng_.chance(450)) add(tier_of(year));
}

void Generator::make_sources() {
    const std::uint32_t n = 3 + rng_.below32(4);
    for (std::uint32_t k = 1; k <= n; ++k) {
        Source s;
        s.id = make_id("syn-src-", k);
        s.title = "Sumber sintetis #" + std::to_string(k);
        s.outlet = "Atlas Inovasi (data sintetis)";
        s.date = Date{2026, 1, 1};
        s.language = "id";
        s.note = "synthetic";
        ds_.sources.push_back(std::move(s));
    }
}

void Generator::make_programs() {
    if (opt_.replications == 0 || opt_.innovations == 0 || regencies_.empty()) return;
    const std::uint32_t n = std::clamp<std::uint32_t>(opt_.replications / 250, 1, 4000);
    for (std::uint32_t k = 0; k < n; ++k) {
        Program p;
        p.year = 2016 + static_cast<int>(static_cast<std::uint64_t>(k) * 10 / n);
        const bool national = rng_.chance(100);
        if (!national) p.province = static_cast<std::int32_t>(regencies_[pick_regency()].province);
        Event e;
        cite(e, make_id("syn-evt-", ds_.events.size() + 1), 700, 250, 30);
        e.kind = "program";
        e.name = national ? "Program Replikasi Inovasi Nasional " + std::to_string(p.year)
                          : "Program Replikasi Inovasi Provinsi " + std::string(provinces_[p.province].name) + " " +
                                std::to_string(p.year);
        const int start = std::min(year_start(p.year) + rng_.range(0, 300), last_day);
        const int end = std::min(start + rng_.range(60, 240), last_day);
        e.date = civil_from_days(start);
        e.end_date = civil_from_days(end);
        e.online = national;
        const InstitutionId panrb = institution(Tpl::central, 0);
        if (!national) {
            e.region_code = provinces_[p.province].code;
            e.participants.push_back(Participant{"organiser", {}, {}, institution(Tpl::prov_pemda, p.province), {}, 0});
        }
        e.participants.push_back(Participant{"facilitator", {}, {}, panrb, {}, 0});
        p.event = EventId(static_cast<std::uint32_t>(ds_.events.size()));
        ds_.events.push_back(std::move(e));
        const int sessions = rng_.range(1, 3);
        for (int s = 0; s < sessions; ++s) {
            Event sig;
            cite(sig, make_id("syn-evt-", ds_.events.size() + 1), 700, 250, 30);
            sig.kind = "commitment_signing";
            sig.name = "Penandatanganan Komitmen Replikasi, " + ds_.events[p.event.value].name + " sesi " + std::to_string(s + 1);
            sig.date = civil_from_days(start + (end - start) * (s + 1) / (sessions + 1));
            sig.part_of = p.event;
            sig.online = national;
            if (!national) {
                const Regency& host = regencies_[pick_regency_in(static_cast<std::uint32_t>(p.province))];
                sig.region_code = host.code;
                sig.place = std::string(host.name);
            }
            p.sessions.push_back(EventId(static_cast<std::uint32_t>(ds_.events.size())));
            ds_.events.push_back(std::move(sig));
        }
        programs_.push_back(std::move(p));
    }
    session_signers_.assign(ds_.events.size(), 0);
}

void Generator::note_event_innovation(EventId e, InnovationId i) {
    if (event_has_innovation_.insert((static_cast<std::uint64_t>(e.value) << 32) | i.value).second)
        ds_.events[e.value].innovations.push_back(i);
}

void Generator::make_roots(std::uint32_t count) {
    // Popularity: a random ~30% of the roots can be copied at all, Zipf-like by a random rank.
    roots_ = count;
    replicable_ = std::max<std::uint32_t>(1, count * 3 / 10);
    std::vector<std::uint32_t> rank(count);
    for (std::uint32_t i = 0; i < count; ++i) rank[i] = i;
    for (std::uint32_t i = count; i > 1; --i) std::swap(rank[i - 1], rank[rng_.below(i)]);

    for (std::uint32_t i = 0; i < count; ++i) {
        Innovation x;
        InnFacts f;
        cite(x, make_id("syn-inn-", ds_.innovations.size() + 1), 500, 300, 100);
        f.sector = static_cast<std::uint8_t>(rng_.below(sector_count));
        const SectorDef& sec = sectors[f.sector];
        x.sector = sec.name;
        f.year = static_cast<std::int16_t>(2010 + rng_.below(8) + rng_.below(8));
        x.year_started = f.year;
        const unsigned where = static_cast<unsigned>(rng_.below(1000));
        if (where < 30 || regencies_.empty()) {
            x.owner = institution(Tpl::central, f.sector == 0 || f.sector == 1 ? 1 : rng_.below32(std::size(centrals)));
        } else if (where < 80) {
            const std::uint32_t prov = regencies_[pick_regency()].province;
            x.owner = institution(f.sector <= 1 && rng_.chance(600) ? Tpl::prov_dinkes : Tpl::prov_pemda, prov);
        } else {
            const std::uint32_t g = pick_regency();
            f.regency = static_cast<std::int32_t>(g);
            const InstitutionId unit = unit_in(sec.units[rng_.below(3)], g);
            if (rng_.chance(350) && ds_.institutions[unit.value].kind != "government") {
                x.owner = institution(Tpl::pemda, g);
                x.unit = unit;
            } else {
                x.owner = unit;
            }
        }
        const Institution& owner = ds_.institutions[(x.unit ? x.unit : x.owner).value];
        x.region_code = owner.region_code;
        x.name = innovation_name(x.acronym_expansion);
        x.description = description(x, ds_.institutions[x.owner.value].name);
        const unsigned st = static_cast<unsigned>(rng_.below(100));
        x.status = st < 70 ? "active" : st < 80 ? "inactive" : st < 85 ? "unknown" : "";
        const auto row = static_cast<std::uint32_t>(ds_.innovations.size());
        ds_.innovations.push_back(std::move(x));
        facts_.push_back(f);
        const bool in_pool = rank[i] < replicable_;
        if (in_pool) pool_.add(row, zipf_weight(rank[i] + 1));
        add_awards(InnovationId(row), f.year, in_pool && rank[i] < std::max<std::uint32_t>(1, replicable_ / 10), false);
    }
}

InstitutionId Generator::pick_adopter(const InnFacts& src, std::int32_t province, bool allow_group, std::uint32_t& count) {
    count = 1;
    if (regencies_.empty()) return institution(Tpl::central, rng_.below32(std::size(centrals)));
    std::uint32_t g = province >= 0 ? pick_regency_in(static_cast<std::uint32_t>(province)) : pick_regency();
    if (static_cast<std::int32_t>(g) == src.regency)  // one retry: replications usually cross regions
        g = province >= 0 ? pick_regency_in(static_cast<std::uint32_t>(province)) : pick_regency();
    const unsigned u = static_cast<unsigned>(rng_.below(1000));
    if (u < 10) return institution(Tpl::prov_pemda, regencies_[g].province);
    if (u < 200) return institution(Tpl::pemda, g);
    if (allow_group && u < 260 && src.sector <= 3) {
        count = 3 + rng_.below32(30);
        return institution(src.sector <= 1 ? Tpl::group_puskesmas : Tpl::group_smp, g, count);
    }
    if (u < 300) return unit_in(Tpl::kecamatan, g);
    return unit_in(sectors[src.sector].units[rng_.below(3)], g);
}

// Steps up to `reached`, dated in order; earlier steps are sometimes not documented. A program
// replication's commitment is the signing session (its date and event).
std::vector<StageStep> Generator::make_stages(int start_day, Stage reached, EventId session) {
    std::vector<StageStep> steps;
    int day = start_day;
    std::int32_t prev_key = 0;
    static constexpr int gap_lo[] = {0, 10, 20, 30}, gap_hi[] = {0, 120, 160, 330};
    for (int s = 0; s <= static_cast<int>(reached); ++s) {
        const auto stage = static_cast<Stage>(s);
        const bool signed_here = session && stage == Stage::commitment;
        if (signed_here) {
            const Date& sd = ds_.events[session.value].date;
            day = days_from_civil(sd.year, sd.month, sd.day);
        } else if (s) {
            day = std::min(day + rng_.range(gap_lo[s], gap_hi[s]), last_day);
        }
        if (!signed_here && s != static_cast<int>(reached) && !rng_.chance(600)) continue;
        Date d = civil_from_days(day);
        // Partial dates only where they cannot sort before the previous step.
        const unsigned p = static_cast<unsigned>(rng_.below(100));
        if (!signed_here && p < 8 && Date{d.year, 0, 0}.key() >= prev_key) d = Date{d.year, 0, 0};
        else if (!signed_here && p < 18 && Date{d.year, d.month, 0}.key() >= prev_key) d = Date{d.year, d.month, 0};
        prev_key = d.key();
        steps.push_back(StageStep{stage, d, signed_here ? session : EventId{}});
    }
    return steps;
}

// The adopter of replication `x` (row rep_row) grows its own version of `src`: a new
// innovation one generation deeper, named after its parent or its place.
void Generator::grow_child(std::uint32_t src, Replication& x, std::uint32_t rep_row,
                           std::vector<std::uint32_t>& spawnable) {
    const InnFacts fs = facts_[src];
    const Innovation& parent = ds_.innovations[src];
    const Institution& adopter = ds_.institutions[x.adopter.value];
    Innovation child;
    InnFacts fc = fs;
    fc.generation = static_cast<std::uint8_t>(fs.generation + 1);
    fc.year = x.stages.back().date.year;
    fc.regency = -1;
    cite(child, make_id("syn-inn-", ds_.innovations.size() + 1), 500, 300, 100);
    const unsigned how = static_cast<unsigned>(rng_.below(100));
    std::string_view place = adopter.name;
    if (!adopter.region_code.empty()) {
        std::string_view code = RegionTable::regency_code(adopter.region_code);
        if (const Region* reg = RegionTable::embedded().find(code.empty() ? std::string_view(adopter.region_code) : code))
            place = strip_level(reg->name);
    }
    if (how < 50) child.name = parent.name + " " + std::string(place);
    else if (how < 75) child.name = parent.name + " " + std::string(derived_suffixes[rng_.below(std::size(derived_suffixes))]);
    else child.name = innovation_name(child.acronym_expansion);
    child.description = "Dikembangkan dari " + parent.name + " setelah direplikasi oleh " + adopter.name + ".";
    child.owner = x.adopter;
    child.region_code = adopter.region_code;
    child.sector = parent.sector;
    child.year_started = fc.year;
    child.status = "active";
    child.derived_from = ReplicationId(rep_row);
    const auto row = static_cast<std::uint32_t>(ds_.innovations.size());
    x.derived = InnovationId(row);
    ds_.innovations.push_back(std::move(child));
    facts_.push_back(fc);
    const std::uint64_t weight = zipf_weight(1 + rng_.below(std::max<std::uint32_t>(1, replicable_ / 4)));
    if (row < opt_.innovations) pool_.add(row, weight);  // the family's children come on top of the pool
    if (fc.generation < 5) spawnable.push_back(row);
    add_awards(InnovationId(row), fc.year, false, true);
}

void Generator::make_replications(std::uint32_t derived_budget) {
    const std::uint32_t total = opt_.replications;
    std::vector<std::uint32_t> spawnable;  // derived innovations that may still grow a child
    ds_.replications.reserve(total);
    for (std::uint32_t r = 0; r < total; ++r) {
        // Spawning with probability budget/remaining uses the derived budget exactly.
        const bool spawn = derived_budget && rng_.below(total - r) < derived_budget;
        std::uint32_t src;
        if (spawn && !spawnable.empty() && rng_.chance(450)) src = spawnable[rng_.below(spawnable.size())];
        else src = static_cast<std::uint32_t>(pool_.find(rng_.below(pool_.total())));
        if (spawn && facts_[src].generation >= 5) src = rng_.below32(roots_);  // roots are generation 0
        const InnFacts fs = facts_[src];

        // Program (a third of them), then adopter and stages.
        const Program* prog = nullptr;
        EventId session;
        if (!programs_.empty() && rng_.chance(350)) {
            auto lb = std::lower_bound(programs_.begin(), programs_.end(), fs.year,
                                       [](const Program& p, int y) { return p.year < y; });
            if (lb != programs_.end()) {
                const auto first = static_cast<std::size_t>(lb - programs_.begin());
                prog = &programs_[first + rng_.below(programs_.size() - first)];
                session = prog->sessions[rng_.below(prog->sessions.size())];
            }
        }
        Replication x;
        cite(x, make_id("syn-rep-", r + 1), 400, 350, 150);
        x.source = InnovationId(src);
        std::uint32_t count = 1;
        for (int attempt = 0; attempt < 6; ++attempt) {
            x.adopter = pick_adopter(fs, prog ? prog->province : -1, !spawn, count);
            if (x.adopter != ds_.innovations[src].owner &&
                pairs_.insert((static_cast<std::uint64_t>(src) << 32) | x.adopter.value).second)
                break;
        }
        x.adopter_count = count;
        x.region_code = ds_.institutions[x.adopter.value].region_code;
        Stage reached = spawn ? Stage::implemented
                              : static_cast<Stage>(rng_.weighted(std::array<unsigned, 4>{15, 35, 20, 30}));
        if (prog && reached == Stage::interest) reached = Stage::commitment;
        int start;
        if (prog) {
            start = days_from_civil(ds_.events[session.value].date.year, ds_.events[session.value].date.month,
                                    ds_.events[session.value].date.day) - rng_.range(10, 120);
        } else {
            const int lo = std::max(first_day, year_start(fs.year));
            start = lo + rng_.range(0, std::max(0, last_day - 60 - lo));
        }
        x.stages = make_stages(start, reached, session);
        if (prog) {
            x.program = prog->event;
            note_event_innovation(session, x.source);
            ++session_signers_[session.value];
        }
        const auto rep_row = static_cast<std::uint32_t>(ds_.replications.size());
        if (spawn) {
            // The adopter grows its own version: a new innovation one generation deeper.
            --derived_budget;
            grow_child(src, x, rep_row, spawnable);
        }
        ds_.replications.push_back(std::move(x));
    }
}

void Generator::make_cohorts(std::uint32_t count) {
    for (std::uint32_t k = 0; k < count; ++k) {
        const std::uint32_t prov = regencies_[pick_regency()].province;
        const int year = rng_.range(2017, 2025);
        Event e;
        cite(e, make_id("syn-evt-", ds_.events.size() + 1), 600, 300, 60);
        e.kind = "program";
        e.name = "Replikasi Serentak Inovasi Provinsi " + std::string(provinces_[prov].name) + " " + std::to_string(year);
        const int day = std::min(year_start(year) + rng_.range(0, 330), last_day);
        e.date = civil_from_days(day);
        e.region_code = provinces_[prov].code;
        e.participants.push_back(Participant{"organiser", {}, {}, institution(Tpl::prov_pemda, prov), {}, 0});
        const EventId ev(static_cast<std::uint32_t>(ds_.events.size()));
        ds_.events.push_back(std::move(e));

        Cohort c;
        cite(c, make_id("syn-coh-", k + 1), 300, 500, 150);
        c.program = ev;
        const int n_src = rng_.range(2, 6);
        for (int i = 0; i < n_src * 3 && static_cast<int>(c.innovations.size()) < n_src; ++i) {
            const InnovationId inn(static_cast<std::uint32_t>(pool_.find(rng_.below(pool_.total()))));
            if (std::find(c.innovations.begin(), c.innovations.end(), inn) == c.innovations.end()) {
                c.innovations.push_back(inn);
                note_event_innovation(ev, inn);
            }
        }
        const int listed = rng_.range(0, 5);
        for (int i = 0; i < listed; ++i) {
            const std::uint32_t g = pick_regency_in(prov);
            const InstitutionId a = institution(Tpl::pemda, g);
            if (std::find(c.adopters.begin(), c.adopters.end(), a) != c.adopters.end()) continue;
            c.adopters.push_back(a);
            c.region_codes.emplace_back(regencies_[g].code);
        }
        if (c.region_codes.empty()) c.region_codes.emplace_back(provinces_[prov].code);
        c.adopter_count = static_cast<std::uint32_t>(c.adopters.size()) + rng_.below32(31);
        if (c.adopter_count == 0) c.adopter_count = 1;
        c.stages.push_back(StageStep{Stage::commitment, civil_from_days(day), ev});
        if (rng_.chance(500))
            c.stages.push_back(StageStep{Stage::action_plan, civil_from_days(std::min(day + rng_.range(30, 200), last_day)), {}});
        ds_.cohorts.push_back(std::move(c));
    }
}

// One deep and wide family for lineage scale tests (SynthOptions::family): innovation 0 is
// replicated, its derived innovations in turn (up to 8 generations), with bursts of 8–20
// adopters in one regency ("14 Puskesmas di …"), until the family has `nodes` nodes: the root,
// one per replication (its adopter, or the innovation the adopter derived).
void Generator::make_family(std::uint32_t nodes) {
    if (nodes <= 1 || ds_.innovations.empty() || regencies_.empty()) return;
    std::vector<std::uint32_t> members{0};  // the family's innovations
    std::vector<std::uint32_t> unused_spawnable;
    std::uint32_t made = 1;
    for (std::uint64_t guard = 0; made < nodes && guard < std::uint64_t{nodes} * 20; ++guard) {
        const std::uint32_t src = members[rng_.below(members.size())];
        const InnFacts fs = facts_[src];
        const bool burst = rng_.chance(60);
        const std::uint32_t g = pick_regency();
        const Tpl unit = fs.sector <= 1 ? Tpl::puskesmas : Tpl::smp;
        for (int k = burst ? rng_.range(8, 20) : 1; k > 0 && made < nodes; --k) {
            Replication x;
            x.source = InnovationId(src);
            std::uint32_t count = 1;
            bool fresh = false;
            for (int attempt = 0; attempt < 6 && !fresh; ++attempt) {
                x.adopter = burst ? unit_in(unit, g) : pick_adopter(fs, -1, true, count);
                fresh = x.adopter != ds_.innovations[src].owner &&
                        pairs_.insert((static_cast<std::uint64_t>(src) << 32) | x.adopter.value).second;
            }
            if (!fresh) continue;
            cite(x, make_id("syn-rep-", ds_.replications.size() + 1), 400, 350, 150);
            x.adopter_count = count;
            x.region_code = ds_.institutions[x.adopter.value].region_code;
            const bool spawn = !burst && fs.generation < 8 && rng_.chance(170);
            const Stage reached = spawn ? Stage::implemented
                                        : static_cast<Stage>(rng_.weighted(std::array<unsigned, 4>{15, 35, 20, 30}));
            const int lo = std::max(first_day, year_start(fs.year));
            x.stages = make_stages(lo + rng_.range(0, std::max(0, last_day - 60 - lo)), reached, {});
            const auto rep_row = static_cast<std::uint32_t>(ds_.replications.size());
            if (spawn) {
                grow_child(src, x, rep_row, unused_spawnable);
                members.push_back(x.derived.value);
            }
            ds_.replications.push_back(std::move(x));
            ++made;
        }
    }
}

Dataset Generator::run() {
    const std::uint32_t n = opt_.innovations;
    const std::uint32_t reps = n == 0 ? 0 : opt_.replications;
    // About 6% of innovations grew out of a replication (each needs its own replication).
    const std::uint32_t derived = reps == 0 || n <= 1 ? 0 : std::min({reps, n - 1, n * 3 / 50});
    ds_.innovations.reserve(n);
    facts_.reserve(n);
    make_sources();
    make_programs();
    make_roots(n - derived);
    if (n > 0) {
        make_replications(derived);
        if (!regencies_.empty() && reps > 0) make_cohorts(std::max<std::uint32_t>(1, reps / 400));
        make_family(opt_.family);
    }
    for (std::size_t e = 0; e < ds_.events.size() && e < session_signers_.size(); ++e) {
        if (ds_.events[e].kind == "commitment_signing" && session_signers_[e])
            ds_.events[e].participants.push_back(
                Participant{"signatory", {}, {}, {}, "kepala perangkat daerah pereplikasi", session_signers_[e]});
    }
    auto figure = [&](std::string metric, double value) {
        Figure f;
        cite(f, make_id("syn-fig-", ds_.figures.size() + 1), 1000, 0, 0);
        f.metric = std::move(metric);
        f.value = value;
        f.unit = "records";
        f.scope = "bundle sintetis";
        f.period = "2014–2025";
        f.note = "synthetic";
        ds_.figures.push_back(std::move(f));
    };
    figure("innovations in this synthetic bundle", n);
    figure("replications in this synthetic bundle", reps);

    const std::string counts = "--innovations " + std::to_string(n) + " --replications " + std::to_string(opt_.replications) +
                               " --seed " + std::to_string(opt_.seed) +
                               (opt_.family ? " --family " + std::to_string(opt_.family) : std::string());
    ds_.meta.title = "SYNTHETIC: Atlas Inovasi scale-test bundle (" + std::to_string(n) + " innovations, " +
                     std::to_string(reps) + " replications, seed " + std::to_string(opt_.seed) + ")";
    ds_.meta.created = Date{2026, 1, 1};
    ds_.meta.licence = "CC0 (synthetic data)";
    ds_.meta.synthetic = true;
    ds_.meta.description =
        "Data sintetis untuk uji skala: semua nama, lembaga dan angka dibuat oleh program, bukan data nyata. "
        "Synthetic data for scale tests; nothing in it is real.";
    ds_.meta.generator = "atlas synth " + counts;
    return std::move(ds_);
}

}  // namespace

Dataset make_synthetic(const SynthOptions& options) {
    Generator g(options);
    Dataset ds = g.run();
    ds.build_relations();
    return ds;
}

}  // namespace atlas
