// SPDX-License-Identifier: GPL-3.0-or-later
#include "content.h"
#include "content_p.h"

#include <algorithm>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <openssl/evp.h>
#include <set>
#include <unistd.h>

namespace sandbox
{

using namespace content_detail;

namespace
{
// Bump when generate() changes so stale cached hashes are never used.
constexpr int kGeneratorVersion = 1;
constexpr std::uint64_t kCacheThreshold = 8 * MiB;

std::string toHex(const unsigned char *p, unsigned n)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    s.reserve(n * 2);
    for (unsigned i = 0; i < n; ++i)
    {
        s.push_back(digits[p[i] >> 4]);
        s.push_back(digits[p[i] & 15]);
    }
    return s;
}

} // namespace

Content::Content(std::uint64_t seed, std::string cacheDir)
    : m_seed(seed)
    , m_cacheDir(std::move(cacheDir))
{
}

std::string Content::makeId(std::uint64_t seed, const std::string &key, std::size_t length, const std::string &prefix)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string id = prefix;
    std::uint64_t h = hashString(seed, key);
    while (id.size() < length)
    {
        h = mix64(h);
        for (int i = 0; i < 10 && id.size() < length; ++i)
            id.push_back(alphabet[(h >> (i * 6)) & 63]);
    }
    return id;
}

void Content::generate(std::uint64_t key, std::uint64_t offset, char *out, std::size_t len)
{
    // 8-byte words, word w = mix64(key + w): random access at any offset, several GB/s.
    std::uint64_t w = offset / 8;
    std::size_t skip = std::size_t(offset % 8);
    while (len > 0)
    {
        const std::uint64_t v = mix64(key + w * 0x9e3779b97f4a7c15ULL);
        if (skip == 0 && len >= 8)
        {
            std::memcpy(out, &v, 8);
            out += 8;
            len -= 8;
        }
        else
        {
            unsigned char bytes[8];
            std::memcpy(bytes, &v, 8);
            const std::size_t n = std::min<std::size_t>(8 - skip, len);
            std::memcpy(out, bytes + skip, n);
            out += n;
            len -= n;
            skip = 0;
        }
        ++w;
    }
}

Item *Content::addItem(std::unique_ptr<Item> item)
{
    Item *p = item.get();
    m_items.push_back(std::move(item));
    p->version = std::int64_t(m_items.size()) + 1;
    const std::uint64_t h = hashString(m_seed, p->id);
    p->createdTime = rfc3339(h % (300 * 86400), unsigned(h >> 40));
    p->modifiedTime = rfc3339(h % (300 * 86400) + (h >> 20) % (30 * 86400), unsigned(h >> 50));
    if (p->contentKey == 0)
        p->contentKey = hashString(m_seed, "content:" + p->id);
    m_byId[p->id] = p;
    return p;
}

void Content::finish()
{
    rebuildChildren();
    // History starts with every item once, at positions 1..N (so token "1" lists the whole corpus).
    for (const auto &it : m_items)
        logChange(*it, it->modifiedTime);
}

void Content::rebuildChildren()
{
    m_children.clear();
    for (const auto &it : m_items)
    {
        if (!it->parent.empty() && !it->gone)
            m_children[it->parent].push_back(it.get());
    }
}

const Item *Content::find(const std::string &id) const
{
    if (id == "root")
        return m_byId.at(m_rootId);
    auto it = m_byId.find(id);
    return it == m_byId.end() || it->second->gone ? nullptr : it->second;
}

const std::vector<const Item *> &Content::children(const std::string &parentId) const
{
    static const std::vector<const Item *> none;
    auto it = m_children.find(parentId == "root" ? m_rootId : parentId);
    return it == m_children.end() ? none : it->second;
}

const SharedDrive *Content::findDrive(const std::string &id) const
{
    for (const SharedDrive &d : m_drives)
        if (d.id == id)
            return &d;
    return nullptr;
}

std::size_t Content::read(const Item &item, std::uint64_t offset, char *out, std::size_t len) const
{
    if (offset >= item.size)
        return 0;
    len = std::size_t(std::min<std::uint64_t>(len, item.size - offset));
    if (item.localPath.empty())
    {
        generate(item.contentKey, offset, out, len);
        return len;
    }
    const int fd = ::open(item.localPath.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    std::size_t done = 0;
    while (done < len)
    {
        const ssize_t n = ::pread(fd, out + done, len - done, off_t(offset + done));
        if (n <= 0)
            break;
        done += std::size_t(n);
    }
    ::close(fd);
    return done;
}

Hashes Content::hashes(const Item &item)
{
    std::lock_guard lock(m_hashMutex);
    // Keyed by the bytes' identity: a modified item (new content key or size) gets new hashes.
    const std::string cacheKey = item.id + ':' + std::to_string(item.contentKey) + ':' + std::to_string(item.size);
    if (auto it = m_hashes.find(cacheKey); it != m_hashes.end())
        return it->second;
    namespace fs = std::filesystem;
    // Generated content is a pure function of (key, size): share big results between processes.
    std::string cacheFile;
    if (item.localPath.empty() && item.size >= kCacheThreshold && !m_cacheDir.empty())
    {
        cacheFile = m_cacheDir + "/v" + std::to_string(kGeneratorVersion) + "-" + std::to_string(item.contentKey) + "-"
            + std::to_string(item.size);
        std::ifstream in(cacheFile);
        Hashes h;
        if (in >> h.md5 >> h.sha256 && h.md5.size() == 32 && h.sha256.size() == 64)
        {
            m_hashes[cacheKey] = h;
            return h;
        }
    }
    EVP_MD_CTX *md5 = EVP_MD_CTX_new();
    EVP_MD_CTX *sha = EVP_MD_CTX_new();
    EVP_DigestInit_ex(md5, EVP_md5(), nullptr);
    EVP_DigestInit_ex(sha, EVP_sha256(), nullptr);
    std::vector<char> buf(1 * MiB);
    std::uint64_t off = 0;
    while (off < item.size)
    {
        const std::size_t n = read(item, off, buf.data(), buf.size());
        if (n == 0)
            break;
        EVP_DigestUpdate(md5, buf.data(), n);
        EVP_DigestUpdate(sha, buf.data(), n);
        off += n;
    }
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    Hashes h;
    EVP_DigestFinal_ex(md5, d, &len);
    h.md5 = toHex(d, len);
    EVP_DigestFinal_ex(sha, d, &len);
    h.sha256 = toHex(d, len);
    EVP_MD_CTX_free(md5);
    EVP_MD_CTX_free(sha);
    m_hashes[cacheKey] = h;
    if (!cacheFile.empty())
    {
        std::error_code ec;
        fs::create_directories(m_cacheDir, ec);
        const std::string tmp = cacheFile + ".tmp" + std::to_string(::getpid());
        {
            std::ofstream out(tmp);
            out << h.md5 << ' ' << h.sha256 << '\n';
        }
        fs::rename(tmp, cacheFile, ec);
    }
    return h;
}

const std::vector<ExportFormat> &Content::exportFormats(const std::string &googleMime)
{
    static const std::map<std::string, std::vector<ExportFormat>> formats = {
        { "application/vnd.google-apps.document",
            { { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
                { "odt", "application/vnd.oasis.opendocument.text" }, { "rtf", "application/rtf" },
                { "pdf", "application/pdf" }, { "txt", "text/plain" }, { "html", "text/html" },
                { "zip", "application/zip" }, { "epub", "application/epub+zip" }, { "md", "text/markdown" } } },
        { "application/vnd.google-apps.spreadsheet",
            { { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
                { "ods", "application/x-vnd.oasis.opendocument.spreadsheet" }, { "pdf", "application/pdf" },
                { "zip", "application/zip" }, { "csv", "text/csv" }, { "tsv", "text/tab-separated-values" } } },
        { "application/vnd.google-apps.presentation",
            { { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
                { "odp", "application/vnd.oasis.opendocument.presentation" }, { "pdf", "application/pdf" },
                { "txt", "text/plain" }, { "jpg", "image/jpeg" }, { "png", "image/png" },
                { "svg", "image/svg+xml" } } },
        { "application/vnd.google-apps.drawing",
            { { "pdf", "application/pdf" }, { "jpg", "image/jpeg" }, { "png", "image/png" },
                { "svg", "image/svg+xml" } } },
        { "application/vnd.google-apps.script", { { "json", "application/vnd.google-apps.script+json" } } },
    };
    static const std::vector<ExportFormat> none;
    auto it = formats.find(googleMime);
    return it == formats.end() ? none : it->second;
}

std::string Content::exportMimeForExtension(const std::string &ext)
{
    for (const char *m : { "application/vnd.google-apps.document", "application/vnd.google-apps.spreadsheet",
             "application/vnd.google-apps.presentation", "application/vnd.google-apps.script" })
    {
        for (const ExportFormat &f : exportFormats(m))
            if (f.extension == ext)
                return f.mimeType;
    }
    return {};
}

std::uint64_t Content::exportSize(const Item &item, const std::string &extension)
{
    // Text renditions are smaller than the office formats; images of one slide/drawing are mid-sized.
    static const std::set<std::string> text = { "txt", "csv", "tsv", "md" };
    static const std::set<std::string> image = { "jpg", "png", "svg" };
    if (text.count(extension))
        return item.exportSize / 4 + 1;
    if (image.count(extension))
        return item.exportSize / 2 + 1;
    return item.exportSize + (hashString(0, extension) % 997);
}

std::uint64_t Content::exportKey(const Item &item, const std::string &extension)
{
    return hashString(item.contentKey, "export:" + extension);
}

} // namespace sandbox
