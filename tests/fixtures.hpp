// Small hand-made bundles shared by the core tests.
#pragma once
#include <memory>
#include <string>

#include "core/bundle.hpp"

namespace atlas::test {

// Four innovations in three provinces, awards in two years, a derived innovation, a cohort.
inline const char* small_bundle = R"({
  "format": "atlas-inovasi-bundle", "version": 1,
  "meta": {"title": "Uji kecil", "created": "2026-01-02", "licence": "CC0", "synthetic": false},
  "sources": [{"id": "s1", "title": "Artikel satu", "date": "2024-08"}],
  "institutions": [
    {"id": "i-janti", "name": "UPT Puskesmas Janti", "kind": "health_centre", "region_code": "35.73", "sources": ["s1"]},
    {"id": "i-smp10", "name": "SMP Negeri 10 Kota Malang", "kind": "school", "region_code": "35.73", "sources": ["s1"]},
    {"id": "i-smp13", "name": "SMP Negeri 13 Kota Malang", "kind": "school", "region_code": "35.73", "sources": ["s1"]},
    {"id": "i-brebes", "name": "Bappeda Kabupaten Brebes", "kind": "badan", "region_code": "33.29", "sources": ["s1"]},
    {"id": "i-wonosari", "name": "Kantor Kecamatan Wonosari", "kind": "kecamatan", "region_code": "35.07.32", "sources": ["s1"]},
    {"id": "i-pkm16", "name": "16 Puskesmas di Kota Malang", "kind": "group", "member_count": 16, "region_code": "35.73", "sources": ["s1"]},
    {"id": "i-blora", "name": "Pemerintah Kabupaten Blora", "kind": "government", "region_code": "33.16", "sources": ["s1"]},
    {"id": "i-kemen", "name": "Kementerian Contoh", "kind": "ministry", "sources": ["s1"]}
  ],
  "innovations": [
    {"id": "n-brexit", "name": "BREXIT", "acronym_expansion": "Braille e-Ticket And Extraordinary Access for Visual Disabilities", "owner": "i-janti", "sector": "kesehatan", "sources": ["s1"], "confidence": "high"},
    {"id": "n-jarik", "name": "Jarik Ma’Siti", "acronym_expansion": "Belajar Menarik Bersama Siswa Istimewa", "owner": "i-smp10", "sector": "pendidikan", "sources": ["s1"], "confidence": "high"},
    {"id": "n-nasi", "name": "NASI TIGA BERAS", "owner": "i-smp13", "sector": "pendidikan", "sources": ["s1"], "derived_from": "r-nasi"},
    {"id": "n-gerakan", "name": "Gerakan Kembali Bersekolah", "owner": "i-brebes", "sources": ["s1"], "confidence": "medium"},
    {"id": "n-putik", "name": "Putik Sari", "owner": "i-wonosari", "sector": "ekonomi", "sources": ["s1"], "confidence": "low"},
    {"id": "n-pusat", "name": "Layanan Pusat Café", "owner": "i-kemen", "sources": ["s1"]}
  ],
  "awards": [
    {"id": "a1", "innovation": "n-jarik", "competition": "KIPP", "year": 2023, "tier": "Top 45", "sources": ["s1"]},
    {"id": "a2", "innovation": "n-nasi", "competition": "KIPP", "year": 2024, "tier": "Top 5", "group": "replikasi", "sources": ["s1"]},
    {"id": "a3", "innovation": "n-putik", "competition": "KIPP", "tier": "Top 45", "sources": ["s1"]},
    {"id": "a4", "innovation": "n-brexit", "competition": "SINOVIK", "sources": ["s1"]}
  ],
  "events": [
    {"id": "e-jateng", "name": "Replikasi Jawa Tengah", "kind": "program", "date": "2021-11-02", "online": true, "sources": ["s1"]},
    {"id": "e-brexit", "name": "Penandatanganan BREXIT", "kind": "commitment_signing", "date": "2024-08-15", "region_code": "35.73", "sources": ["s1"], "innovations": ["n-brexit"]}
  ],
  "replications": [
    {"id": "r-brexit", "source": "n-brexit", "adopter": "i-pkm16", "adopter_count": 16, "program": "e-brexit",
     "stages": [{"stage": "commitment", "date": "2024-08-15", "event": "e-brexit"}], "sources": ["s1"]},
    {"id": "r-nasi", "source": "n-jarik", "adopter": "i-smp13", "stages": [{"stage": "implemented", "date": "2024"}], "sources": ["s1"]}
  ],
  "cohorts": [
    {"id": "c-jateng", "program": "e-jateng", "innovations": ["n-gerakan"], "adopters": ["i-blora"], "adopter_count": 12,
     "region_codes": ["33.16"], "stages": [{"stage": "commitment", "date": "2021-11-02"}], "sources": ["s1"]}
  ],
  "figures": [
    {"id": "f1", "metric": "top innovations", "value": 1065, "scope": "national", "period": "2014-2023", "sources": ["s1"]}
  ]
})";

inline std::shared_ptr<const Dataset> load_small() {
    auto r = load_bundle(small_bundle);
    return r ? r.value().dataset : nullptr;
}

}  // namespace atlas::test
