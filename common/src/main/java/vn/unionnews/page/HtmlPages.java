package vn.unionnews.page;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML pages as the line-structured text the parser reads, with what the markup says outright: the title
 * ({@code og:title}, {@code <h1>}, {@code <title>} without its " - Site" suffix), the publication time
 * ({@code article:published_time}, {@code <time datetime>}), the site's name ({@code og:site_name}) and the photo
 * captions ({@code <figcaption>}, caption classes). Left out: scripts, navigation, sidebars and widgets (by tag and
 * by class or id), and link lists (menus, related articles), found by link density. Linear in the page's size,
 * also for deeply nested markup.
 */
final class HtmlPages {
    private static final String NOT_CONTENT =
            "script, style, noscript, template, iframe, svg, nav, footer, aside, form, button, select, input";
    private static final String CAPTIONS = "figcaption, .caption, .image-caption, .PhotoCMS_Caption, .img-caption";
    /** Class or id words of blocks that hold no article text. */
    private static final Pattern NOT_CONTENT_NAME = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:sidebar|side-bar|widget|comments?|related|relate|share|social|banner|advert|ads|"
                    + "menu|navbar|popup|poll|vote|rating|counter|weather|footer|tags|tin-?khac|other-news|most-read)"
                    + "(?:$|[\\s_-])");
    private static final double MAX_LINK_DENSITY = 0.6;
    private static final Pattern SITE_NAME = Pattern.compile(
            "(?:Liên đoàn Lao động|LĐLĐ|Công đoàn|Tổng Liên đoàn|Báo|Tạp chí|Cổng thông tin|Trang thông tin)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    record HtmlContent(String lines, Optional<String> title, Optional<String> publishedAt, Optional<String> siteName,
                       List<String> captions) {
    }

    private HtmlPages() {
    }

    static HtmlContent read(String html) {
        Document doc = Jsoup.parse(html);
        Optional<String> declaredSite = firstNonBlank(doc.select("meta[property=og:site_name]").attr("content"));
        Optional<String> siteName = declaredSite.or(() -> siteSuffix(doc.title()));
        Optional<String> title = firstNonBlank(
                doc.select("meta[property=og:title]").attr("content"),
                doc.select("h1").text(),
                doc.title())
                .map(t -> withoutSiteSuffix(t, siteName));
        Element article = mainArticle(doc);
        Optional<String> published = firstNonBlank(
                doc.select("meta[property=article:published_time]").attr("content"),
                doc.select("meta[itemprop=datePublished]").attr("content"),
                article.select("time[datetime]").attr("datetime"),
                doc.select("time[datetime]").attr("datetime"));
        List<String> captions = new ArrayList<>();
        for (Element caption : doc.select(CAPTIONS)) {
            if (!caption.text().isBlank()) {
                captions.add(caption.text().strip());
            }
            caption.remove();
        }
        doc.select(NOT_CONTENT).remove();
        Map<Element, int[]> lengths = textAndLinkLengths(doc);
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new BlockText(out, lengths), article);
        return new HtmlContent(out.toString(), title, published, siteName, captions);
    }

    /** The {@code <article>} with the most text when there is one (related-article cards are also articles). */
    private static Element mainArticle(Document doc) {
        Elements articles = doc.select("article");
        Element best = doc.body();
        int bestLength = -1;
        for (Element article : articles) {
            int length = article.select("p").text().length();
            if (length > bestLength) {
                best = article;
                bestLength = length;
            }
        }
        return best;
    }

    /** "Title - Site name", "Site | Title" as {@code <title>} often has it: the title alone. */
    private static String withoutSiteSuffix(String title, Optional<String> siteName) {
        if (siteName.isEmpty()) {
            return title;
        }
        String site = siteName.get();
        if (title.endsWith(site) && title.length() > site.length()) {
            return title.substring(0, title.length() - site.length()).replaceAll("[\\s|–—-]+$", "");
        }
        if (title.startsWith(site) && title.length() > site.length()) {
            return title.substring(site.length()).replaceAll("^[\\s|–—-]+", "");
        }
        return title;
    }

    /**
     * The site's name in a {@code <title>} of the form "Title - Site" or "Title | Site": the last part, when it
     * names an organisation (a union, a federation, a paper) rather than continuing the title.
     */
    private static Optional<String> siteSuffix(String title) {
        int separator = Math.max(title.lastIndexOf(" | "), title.lastIndexOf(" - "));
        if (separator <= 0) {
            return Optional.empty();
        }
        String suffix = title.substring(separator + 3).strip();
        return SITE_NAME.matcher(suffix).lookingAt() ? Optional.of(suffix) : Optional.empty();
    }

    /**
     * For every element, the length of its text and of the part inside links, computed bottom-up in one pass
     * (asking each element for its text would be quadratic in the nesting depth).
     */
    private static Map<Element, int[]> textAndLinkLengths(Document doc) {
        Map<Element, int[]> lengths = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                int[] own;
                if (node instanceof TextNode text) {
                    int length = text.text().strip().length();
                    own = new int[] {length, 0};
                } else if (node instanceof Element element) {
                    own = lengths.computeIfAbsent(element, e -> new int[2]);
                    if (element.nameIs("a")) {
                        own[1] = own[0];
                    }
                } else {
                    return;
                }
                if (node.parent() instanceof Element parent) {
                    int[] total = lengths.computeIfAbsent(parent, e -> new int[2]);
                    total[0] += own[0];
                    total[1] += own[1];
                }
            }
        }, doc);
        return lengths;
    }

    /**
     * Writes the text of the article's blocks, a line break around every block element and at every {@code <br>},
     * skipping link lists and blocks named as sidebars or widgets.
     */
    private static final class BlockText implements NodeFilter {
        private final StringBuilder out;
        private final Map<Element, int[]> lengths;

        BlockText(StringBuilder out, Map<Element, int[]> lengths) {
            this.out = out;
            this.lengths = lengths;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                out.append(text.text());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.CONTINUE;
            }
            if (depth > 0 && e.isBlock() && (isLinkList(e) || NOT_CONTENT_NAME.matcher(e.className() + " " + e.id()).find())) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (e.isBlock() || e.nameIs("br")) {
                out.append('\n');
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
                out.append('\n');
            }
            return FilterResult.CONTINUE;
        }

        /** A block whose text is mostly link text: a menu, a list of related articles, a tag cloud. */
        private boolean isLinkList(Element block) {
            int[] length = lengths.getOrDefault(block, new int[2]);
            return length[0] > 0 && length[1] > MAX_LINK_DENSITY * length[0] && !block.nameIs("p");
        }
    }

    private static Optional<String> firstNonBlank(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return Optional.of(c.strip());
            }
        }
        return Optional.empty();
    }
}
