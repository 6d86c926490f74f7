package vn.unionnews.page;

import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML pages as the line-structured text the parser reads, with what the markup says outright: the title
 * ({@code og:title}, {@code <h1>}, {@code <title>}) and the publication time ({@code article:published_time},
 * {@code <time datetime>}). Navigation, scripts, captions and link lists are left out.
 */
final class HtmlPages {
    private static final String NOT_CONTENT =
            "script, style, noscript, template, iframe, nav, footer, aside, form, figcaption, button, select";

    record HtmlContent(String lines, Optional<String> title, Optional<String> publishedAt) {
    }

    private HtmlPages() {
    }

    static HtmlContent read(String html) {
        Document doc = Jsoup.parse(html);
        Optional<String> title = firstNonBlank(
                doc.select("meta[property=og:title]").attr("content"),
                doc.select("h1").text(),
                doc.title());
        Optional<String> published = firstNonBlank(
                doc.select("meta[property=article:published_time]").attr("content"),
                doc.select("meta[itemprop=datePublished]").attr("content"),
                doc.select("time[datetime]").attr("datetime"));
        doc.select(NOT_CONTENT).remove();
        for (Element list : doc.select("ul, ol, table, div")) {
            if (isLinkList(list)) {
                list.remove();
            }
        }
        Element root = doc.selectFirst("article");
        if (root == null) {
            root = doc.body();
        }
        return new HtmlContent(blockText(root), title, published);
    }

    /** A block whose text is mostly link text: a menu, a list of related articles, a tag cloud. */
    private static boolean isLinkList(Element block) {
        int total = block.text().length();
        if (total == 0) {
            return false;
        }
        int linked = block.select("a").text().length();
        return linked > 0.6 * total && block.select("p").size() < 2;
    }

    /** The text of {@code root} with a line break around every block element and at every {@code <br>}. */
    private static String blockText(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock()) {
                    out.append('\n');
                }
            }
        }, root);
        return out.toString();
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
