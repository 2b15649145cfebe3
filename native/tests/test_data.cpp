#include "test_data.hpp"

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace cheeger_test {

std::vector<double> uniform_points(std::int64_t n, std::int64_t d, std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> points(static_cast<std::size_t>(n * d));
    for (double& value : points) value = unit(engine);
    return points;
}

std::vector<double> grid_points(std::int64_t n, std::int64_t d, int side, std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    std::uniform_int_distribution<int> coordinate(0, side - 1);
    std::vector<double> points(static_cast<std::size_t>(n * d));
    for (double& x : points) x = coordinate(engine);
    return points;
}

std::vector<named_points> tie_heavy_points() {
    auto blobs = blob_points(700, 3, 5, 17);
    blobs.insert(blobs.end(), blobs.begin(), blobs.begin() + 60 * 3);  // 60 duplicated points
    return {{"blobs with duplicates", blobs, 3},
            {"integer grid", grid_points(500, 2, 12, 5), 2},
            {"integer grid d=9", grid_points(300, 9, 3, 6), 9}};
}

std::vector<double> blob_points(std::int64_t n, std::int64_t d, int blobs, std::uint64_t seed) {
    std::mt19937_64 engine(seed);
    std::uniform_real_distribution<double> centre(-50.0, 50.0);
    std::normal_distribution<double> noise(0.0, 6.0);
    std::uniform_int_distribution<int> pick(0, blobs - 1);
    std::vector<double> centres(static_cast<std::size_t>(blobs * d));
    for (double& value : centres) value = centre(engine);
    std::vector<double> points(static_cast<std::size_t>(n * d));
    for (std::int64_t i = 0; i < n; ++i) {
        const int blob = pick(engine);
        for (std::int64_t j = 0; j < d; ++j) {
            points[static_cast<std::size_t>(i * d + j)] =
                centres[static_cast<std::size_t>(blob * d + j)] + noise(engine);
        }
    }
    return points;
}

named_points bundled_data_set(const std::string& name) {
    const std::string path = std::string(CHEEGER_TEST_DATA_DIR) + "/" + name + ".csv";
    std::ifstream file(path);
    std::string line;
    if (!file || !std::getline(file, line)) throw std::runtime_error("cannot read " + path);
    const auto cells = [](const std::string& row) {
        std::vector<std::string> split;
        std::stringstream stream(row);
        for (std::string cell; std::getline(stream, cell, ',');) split.push_back(cell);
        return split;
    };
    const std::vector<std::string> header = cells(line);
    named_points data{name, {}, 0};
    for (const std::string& column : header) data.d += column == "label" ? 0 : 1;
    while (std::getline(file, line)) {
        if (line.empty() || line == "\r") continue;
        const std::vector<std::string> row = cells(line);
        if (row.size() != header.size()) throw std::runtime_error(path + ": a row of " + std::to_string(row.size()) + " cells");
        for (std::size_t j = 0; j < row.size(); ++j) {
            if (header[j] == "label") continue;
            char* end = nullptr;
            const double value = std::strtod(row[j].c_str(), &end);
            if (end == row[j].c_str()) throw std::runtime_error(path + ": not a number: " + row[j]);
            data.points.push_back(value);
        }
    }
    return data;
}

std::vector<double> pick_rows(const std::vector<double>& points, std::int64_t d,
                              const std::vector<std::int64_t>& rows) {
    std::vector<double> picked;
    picked.reserve(rows.size() * static_cast<std::size_t>(d));
    for (const std::int64_t row : rows) {
        for (std::int64_t j = 0; j < d; ++j) picked.push_back(points[static_cast<std::size_t>(row * d + j)]);
    }
    return picked;
}

}  // namespace cheeger_test
