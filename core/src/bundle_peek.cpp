#include "core/bundle_peek.hpp"

#include <nlohmann/json.hpp>

namespace atlas {

namespace {

// SAX handler tracking only the nesting depth and the keys that lead to $.meta.title; returns
// false (stop) once the title is read or meta has ended without one.
class TitleFinder : public nlohmann::json_sax<nlohmann::json> {
public:
    std::string title;

    bool null() override { return scalar(); }
    bool boolean(bool) override { return scalar(); }
    bool number_integer(number_integer_t) override { return scalar(); }
    bool number_unsigned(number_unsigned_t) override { return scalar(); }
    bool number_float(number_float_t, const string_t&) override { return scalar(); }
    bool binary(binary_t&) override { return scalar(); }
    bool string(string_t& s) override {
        if (depth_ == 2 && in_meta_ && key_ == "title") {
            title = s;
            return false;
        }
        return scalar();
    }
    bool start_object(std::size_t) override {
        ++depth_;
        if (depth_ == 2 && key_ == "meta" && top_key_) in_meta_ = true;
        return true;
    }
    bool end_object() override {
        if (depth_ == 2 && in_meta_) return false;  // meta had no title
        --depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        ++depth_;
        return true;
    }
    bool end_array() override {
        --depth_;
        return true;
    }
    bool key(string_t& k) override {
        key_ = k;
        top_key_ = depth_ == 1;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    int depth_ = 0;
    bool in_meta_ = false;
    bool top_key_ = false;
    std::string key_;
    bool scalar() { return true; }
};

}  // namespace

std::string peek_bundle_title(std::string_view bytes) {
    TitleFinder finder;
    // Stops early (the handler returns false); no exceptions: parse errors end the walk too.
    nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &finder, nlohmann::json::input_format_t::json, false);
    return finder.title;
}

}  // namespace atlas
