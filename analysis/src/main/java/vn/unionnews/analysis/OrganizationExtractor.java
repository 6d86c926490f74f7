package vn.unionnews.analysis;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.unionnews.event.OrgMention;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.page.Provinces;
import vn.unionnews.text.PhraseMatcher;
import vn.unionnews.text.VietnameseText;

/**
 * Finds the organisations an article names and gives each its canonical name and TAXONOMY.md type: federations
 * ("LĐLĐ tỉnh", "Liên đoàn Lao động huyện Sa Pa", "Tổng LĐLĐ Việt Nam"), sectoral and grassroots unions ("Công
 * đoàn ngành Giáo dục", "CĐCS Trường Mầm non Hoa Hồng"), party bodies ("Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Đảng ủy
 * Khối …", "Bộ Chính trị"), government ("UBND tỉnh", "HĐND", "Sở Y tế"), mass organisations ("MTTQ", "Hội Chữ
 * thập đỏ") and companies. Abbreviations are expanded, tone placement unified, and a place the page leaves
 * implicit ("LĐLĐ tỉnh" on a Lào Cai page) is filled in from the page's province. A short form that begins a
 * longer name found in the same article ("Đảng ủy Khối" after "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh") counts
 * as that organisation. Mentions are counted; their positions serve to attribute figures. Thread-safe.
 */
public final class OrganizationExtractor {
    public static final String NATIONAL_FEDERATION = "Tổng Liên đoàn Lao động Việt Nam";
    private static final String NAME = "\\p{Lu}[\\p{L}\\p{M}]*(?: \\p{Lu}[\\p{L}\\p{M}]*){0,3}";
    private static final String LEVEL = "(tỉnh|thành phố|TP\\.?|huyện|quận|thị xã)";
    /** Where a free-form unit name ends: punctuation or a word that starts the rest of the sentence. */
    private static final String UNIT_END = "(?=\\s*[,;.:()“”\"\\n]|\\s*$| (?:và|của|đã|được|với|tại|có|cho|trong|"
            + "đạt|là|cùng|để|nhằm|về|theo|thực hiện|tham gia|tổ chức|phối hợp|tiếp tục|năm|nhiệm kỳ|khóa|đoạt|giành|"
            + "nhận|tuyển|cũng|trao|tặng|ký|vừa|sẽ|đang|đến|từ|ở|ngày|sáng|chiều|hiện|bị|đề nghị|cho biết|gồm|"
            + "nợ|chậm|trả|đóng|xảy ra|sản xuất|giám sát|cung cấp) )";
    private static final Pattern CLAUSE_TAIL = Pattern.compile("(?: \\p{Ll}[\\p{L}\\p{M}]*){2,}$");
    /** An industry after "Công đoàn ngành": a capitalised word and at most one more ("Giáo dục", "Công Thương"). */
    private static final String INDUSTRY = "\\p{Lu}[\\p{L}\\p{M}]*(?: (?!tỉnh|thành|huyện|và|đã|của|được)[\\p{L}\\p{M}]+)?";
    private static final List<String> ASSOCIATIONS = List.of("Chữ thập đỏ", "Khuyến học", "Cựu chiến binh", "Nông dân",
            "Liên hiệp Phụ nữ", "Phụ nữ", "Người cao tuổi", "Luật gia", "Cựu thanh niên xung phong");
    /** The next item of a list that shares the level of the first: "LĐLĐ huyện Bát Xát, Mường Khương, TP Lào Cai". */
    private static final Pattern NEXT_PLACE = Pattern.compile(
            "\\G(?:, | và )(?:(TP\\.?|thành phố|huyện|thị xã|quận) )?(" + NAME + ")(?=[,;.)\\n]| và | đã | được |$)");
    private static final Pattern NEXT_INDUSTRY = Pattern.compile(
            "\\G(?:, | và )(" + INDUSTRY + ")(?=[,;.)\\n]| và | đã | được |$)");
    private static final Set<String> GENERIC_UNIT_STARTS = Set.of("mới", "vững", "các", "trong", "được", "đạt",
            "thành", "và", "làm", "phối", "khu", "doanh", "cơ", "trực");

    private static final Provinces PROVINCES = Provinces.vietnam();
    private final Pattern province;
    /** A province named with its level: "tỉnh Bình Dương", "thành phố Hà Nội", "TP. Hồ Chí Minh" (tone-folded). */
    private final Pattern placedProvince;
    /** The provinces' names, tone-folded, in {@link Provinces#names()} order. */
    private final PhraseMatcher provinceNames;
    private final List<Rule> rules;
    /** Every rule's triggers, and the rule each belongs to. */
    private final PhraseMatcher ruleTriggers;
    private final int[] triggerRule;

    /**
     * One kind of mention: a pattern, how a match becomes a canonical organisation (or null to skip it), and the
     * triggers, what every match of the pattern begins with in lower case: the pattern is tried only where one is.
     */
    private record Rule(Pattern pattern, Canonicaliser canonicaliser, List<String> triggers) {
    }

    @FunctionalInterface
    private interface Canonicaliser {
        Org canonical(Matcher match, String pageProvince);
    }

    /** A canonical organisation. */
    private record Org(String name, String type) {
    }

    /** One mention of an organisation in a text, with where it is. */
    public record Mention(String name, String type, int start, int end) {
    }

    public OrganizationExtractor() {
        String provinces = PROVINCES.alternatives(VietnameseText::foldTones) + "(?![\\p{L}\\p{M}])";
        province = Pattern.compile("(?<![\\p{L}\\p{M}])" + provinces);
        placedProvince = Pattern.compile("(?<![\\p{L}\\p{M}])(?:[Tt]ỉnh|[Tt]hành phố|T[Pp]\\.?) ?(" + provinces + ")");
        provinceNames = PhraseMatcher.of(PROVINCES.names().stream().map(VietnameseText::foldTones).toList());
        rules = rules(provinces);
        List<String> triggers = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            for (String trigger : rules.get(r).triggers()) {
                triggers.add(trigger);
                owners.add(r);
            }
        }
        ruleTriggers = PhraseMatcher.of(triggers);
        triggerRule = owners.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Rule rule(List<String> triggers, Pattern pattern, Canonicaliser canonicaliser) {
        return new Rule(pattern, canonicaliser, triggers);
    }

    private List<Rule> rules(String provinces) {
        List<Rule> all = new ArrayList<>();
        all.add(rule(List.of("tổng "),
                Pattern.compile("Tổng (?:Liên đoàn Lao động|LĐLĐ) ?Việt Nam|Tổng LĐLĐVN|Tổng Liên đoàn(?! Lao động)"),
                (m, p) -> new Org(NATIONAL_FEDERATION, "national_federation")));
        all.add(rule(List.of("liên đoàn lao động", "lđlđ"),
                Pattern.compile("(?:Liên đoàn Lao động|LĐLĐ)(?: \\(LĐLĐ\\))? " + LEVEL + "(?: (" + NAME + "))?"),
                this::federation));
        all.add(rule(List.of("công đoàn "),
                Pattern.compile("(?:C|c)ông đoàn (ngành " + INDUSTRY + "|Viên chức|Giáo dục|Y tế|Khu kinh tế|"
                + "(?:C|c)ác (?:K|k)hu công nghiệp|Khu công nghiệp)"
                + "(?: (tỉnh|thành phố)(?: (" + provinces + "))?| (Việt Nam))?"), this::sectoral));
        all.add(rule(List.of("công đoàn cơ sở ", "cđcs "),
                Pattern.compile("(?:Công đoàn cơ sở|CĐCS) (\\p{Lu}[^,;.:()“”\"\\n]{1,80}?)" + UNIT_END),
                (m, p) -> unit("Công đoàn cơ sở ", m.group(1), "grassroots_union")));
        all.add(rule(List.of("bộ chính trị", "ban bí thư", "ban chấp hành trung ương"),
                Pattern.compile("(?iu:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương(?: Đảng)?)"),
                (m, p) -> new Org(canonicalCase(m.group(), "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương",
                        "Ban Chấp hành Trung ương Đảng"), "party")));
        all.add(rule(List.of("ban ", "tỉnh ủy", "thành ủy", "huyện ủy"),
                Pattern.compile("(Ban (?:Dân vận|Tuyên giáo|Tổ chức|Nội chính) )?(Tỉnh ủy|Thành ủy|Huyện ủy)"
                + "(?: (" + NAME + "))?"), this::partyCommittee));
        all.add(rule(List.of("đảng ủy khối "),
                Pattern.compile("Đảng ủy Khối (\\p{Lu}[^,;.:()“”\"\\n]{1,60}?)(?: (tỉnh|thành phố)(?: ("
                + provinces + "))?)?" + UNIT_END), this::blocParty));
        all.add(rule(List.of("ubnd ", "ủy ban nhân dân ", "hđnd ", "hội đồng nhân dân "),
                Pattern.compile("(UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân) " + LEVEL + "(?: (" + NAME + "))?"),
                this::people));
        all.add(rule(List.of("sở "),
                Pattern.compile("Sở (Lao động - Thương binh và Xã hội|LĐ-TB&XH|LĐTBXH|Y tế|Giáo dục và Đào tạo|"
                + "Nội vụ|Tài chính|Công Thương|Tư pháp|Xây dựng|Kế hoạch và Đầu tư|Tài nguyên và Môi trường|"
                + "Văn hóa, Thể thao và Du lịch|Nông nghiệp và Phát triển nông thôn)(?: (tỉnh|thành phố)(?: ("
                + provinces + "))?)?"), this::department));
        all.add(rule(List.of("ủy ban ", "mặt trận ", "mttq"),
                Pattern.compile("(?:Ủy ban )?(?:Mặt trận (?:T|t)ổ (?:Q|q)uốc|MTTQ)(?: Việt Nam)?(?: (tỉnh|thành phố)"
                + "(?: (" + provinces + "))?)?"), this::frontCommittee));
        all.add(rule(List.of("hội "),
                Pattern.compile("Hội ((?iu:" + String.join("|", ASSOCIATIONS) + "))(?: (tỉnh|thành phố)(?: ("
                + provinces + "))?)?"), this::association));
        all.add(rule(List.of("tỉnh đoàn", "đoàn thanh niên"),
                Pattern.compile("(?:Tỉnh đoàn|Đoàn Thanh niên(?: Cộng sản Hồ Chí Minh)?)(?: (tỉnh|thành phố)"
                + "(?: (" + provinces + "))?)?"), (m, p) -> new Org(placed(m.group().replaceFirst(" (tỉnh|thành phố).*$", ""),
                        m.group(1), m.group(2), p), "mass_organisation")));
        all.add(rule(List.of("liên đoàn lao động ", "lđlđ "),
                Pattern.compile("(?:Liên đoàn Lao động|LĐLĐ) (?:TP\\. ?|TP ?|Thành phố |thành phố )?(?:HCM|Hồ Chí Minh)"),
                (m, p) -> new Org("Liên đoàn Lao động thành phố Hồ Chí Minh", "provincial_federation")));
        all.add(rule(List.of("tỉnh đoàn ", "thành đoàn "),
                Pattern.compile("(Tỉnh (?:Đ|đ)oàn|Thành (?:Đ|đ)oàn) (" + provinces + ")"),
                (m, p) -> new Org(m.group(1).split(" ")[0] + " Đoàn " + canonicalProvince(m.group(2)), "mass_organisation")));
        all.add(rule(List.of("bảo hiểm xã hội ", "bhxh ", "ngân hàng chính sách xã hội ", "trung tâm dịch vụ việc làm ", "ban quản lý các "),
                Pattern.compile("(Bảo hiểm xã hội|BHXH|Ngân hàng Chính sách xã hội|Trung tâm Dịch vụ việc làm|"
                + "Ban Quản lý các (?:K|k)hu công nghiệp) (tỉnh|thành phố)(?: (" + provinces + "))?"), this::provincialBody));
        all.add(rule(List.of("báo ", "đài phát thanh "),
                Pattern.compile("(?:Báo|Đài Phát thanh - Truyền hình|Đài Phát thanh và Truyền hình) (" + provinces
                + "|Lao Động|Người Lao Động|Nhân Dân|Tuổi Trẻ|Thanh Niên)"), (m, p) -> new Org(m.group(), "media")));
        all.add(rule(List.of("công ty ", "tổng công ty ", "tập đoàn "),
                Pattern.compile("((?:Công ty|Tổng công ty|Tập đoàn) (?:TNHH|CP|Cổ phần|cổ phần)?\\s?"
                + "\\p{Lu}[^,;.:()“”\"\\n]{1,60}?)" + UNIT_END),
                (m, p) -> unit("", withoutClauseTail(m.group(1)), "enterprise")));
        return all;
    }

    /** The organisations an article names, most mentioned first; the source counts as named once at least. */
    public List<OrgMention> extract(String title, String body, SourceOrg source) {
        return count(mentions((title == null ? "" : title) + "\n" + body, source), source);
    }

    /** The organisations of {@code mentions} with their counts, most mentioned first, the source among them. */
    public List<OrgMention> count(List<Mention> mentions, SourceOrg source) {
        Map<String, OrgMention> byName = new LinkedHashMap<>();
        if (source != null && source.name() != null) {
            byName.put(source.name(), new OrgMention(source.name(), source.type(), 0));
        }
        for (Mention m : mentions) {
            OrgMention known = byName.get(m.name());
            byName.put(m.name(), new OrgMention(m.name(), known != null && known.type() != null ? known.type() : m.type(),
                    (known == null ? 0 : known.mentions()) + 1));
        }
        List<OrgMention> result = new ArrayList<>();
        for (OrgMention org : byName.values()) {
            result.add(org.mentions() == 0 ? new OrgMention(org.name(), org.type(), 1) : org);
        }
        result.sort(Comparator.comparingInt(OrgMention::mentions).reversed());
        return result;
    }

    /** Every mention in {@code text}, in order, canonical and with its span; overlapping mentions keep the longest. */
    public List<Mention> mentions(String text, SourceOrg source) {
        String folded = VietnameseText.foldTones(text);
        String pageProvince = pageProvince(folded, source);
        List<Mention> found = new ArrayList<>();
        List<int[]> starts = triggerStarts(folded);
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            // What find() would give: the first match at or after the previous one's end, tried where one can start.
            Matcher m = rule.pattern().matcher(folded).useTransparentBounds(true).useAnchoringBounds(false);
            int from = 0;
            for (int start : starts.get(r)) {
                if (start < from || !m.region(start, folded.length()).lookingAt()) {
                    continue;
                }
                from = m.end();
                Org org = rule.canonicaliser().canonical(m, pageProvince);
                if (org != null) {
                    found.add(new Mention(org.name(), org.type(), m.start(), m.end()));
                    listedAfter(folded, m.end(), org, pageProvince, found);
                }
            }
        }
        found.sort(Comparator.comparingInt(Mention::start).thenComparing(Comparator.comparingInt(Mention::end).reversed()));
        List<Mention> kept = new ArrayList<>();
        int reach = -1;
        for (Mention m : found) {
            if (m.start() >= reach) {
                kept.add(m);
                reach = m.end();
            }
        }
        return mergeShortForms(kept);
    }

    /** For each rule, in ascending order, where in {@code text} one of its triggers starts, in any case. */
    private List<int[]> triggerStarts(String text) {
        char[] lower = text.toCharArray();
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(lower[i]);
        }
        List<List<Integer>> byRule = new ArrayList<>();
        rules.forEach(rule -> byRule.add(new ArrayList<>()));
        for (PhraseMatcher.Match match : ruleTriggers.matches(CharBuffer.wrap(lower))) {
            byRule.get(triggerRule[match.phrase()]).add(match.start());
        }
        return byRule.stream().map(list -> list.stream().mapToInt(Integer::intValue).sorted().distinct().toArray())
                .toList();
    }

    /**
     * The further items of a list that starts with {@code first}: district federations ("LĐLĐ huyện Bát Xát, Mường
     * Khương, TP Lào Cai") and sectoral unions ("Công đoàn ngành Giáo dục, Công Thương") share the first's kind.
     */
    private void listedAfter(String text, int from, Org first, String pageProvince, List<Mention> found) {
        boolean districts = first.type().equals("district_federation");
        boolean industries = first.type().equals("sectoral_union") && first.name().startsWith("Công đoàn ngành ");
        if (!districts && !industries) {
            return;
        }
        Matcher next = (districts ? NEXT_PLACE : NEXT_INDUSTRY).matcher(text);
        next.region(from, text.length());
        next.useTransparentBounds(true);
        int at = from;
        while (next.find(at) && next.start() == at) {
            Org item = districts ? districtItem(next.group(1), next.group(2), first)
                    : sectoralUnion("ngành " + next.group(1), null, pageProvince);
            if (item == null) {
                break;
            }
            found.add(new Mention(item.name(), item.type(), next.start() + 2, next.end()));
            at = next.end();
        }
    }

    private Org districtItem(String level, String place, Org first) {
        String firstLevel = first.name().substring("Liên đoàn Lao động ".length()).split(" ")[0];
        String itemLevel = level == null ? firstLevel : level.startsWith("TP") ? "thành phố" : level;
        Optional<String> asProvince = provinceIn(place);
        if (asProvince.isPresent() && level == null) {
            return null;
        }
        return new Org("Liên đoàn Lao động " + itemLevel + " " + place, "district_federation");
    }

    /** "Đảng ủy Khối" counts as the "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Lào Cai" the article also names. */
    private static List<Mention> mergeShortForms(List<Mention> mentions) {
        Set<String> names = new LinkedHashSet<>();
        mentions.forEach(m -> names.add(m.name()));
        List<Mention> merged = new ArrayList<>();
        for (Mention m : mentions) {
            String longer = names.stream()
                    .filter(n -> n.length() > m.name().length() && n.startsWith(m.name() + " "))
                    .min(Comparator.comparingInt(String::length)).orElse(null);
            merged.add(longer == null ? m : new Mention(longer, m.type(), m.start(), m.end()));
        }
        return merged;
    }

    /**
     * The provinces an article is about, canonical, in order of first appearance: those its organisations belong
     * to (a province in the name: "Liên đoàn Lao động tỉnh Bình Dương", "Báo Lào Cai") and those its title and
     * lead place it in by name and level ("ở tỉnh Bình Dương", "TP. Hồ Chí Minh"). A bare province name in the
     * lead is not enough: "như Bình Dương" compares, it does not place.
     */
    public List<String> provinces(String lead, List<OrgMention> orgs) {
        Set<String> found = new LinkedHashSet<>();
        for (OrgMention org : orgs) {
            Matcher m = province.matcher(VietnameseText.foldTones(org.name()));
            if (m.find()) {
                found.add(canonicalProvince(m.group()));
            }
        }
        Matcher m = placedProvince.matcher(VietnameseText.foldTones(lead));
        while (m.find()) {
            found.add(canonicalProvince(m.group(1)));
        }
        return List.copyOf(found);
    }

    /** The province a page is about: the source's, else the one its text names most. */
    private String pageProvince(String text, SourceOrg source) {
        if (source != null && source.name() != null && "provincial_federation".equals(source.type())) {
            Matcher m = province.matcher(VietnameseText.foldTones(source.name()));
            if (m.find()) {
                return canonicalProvince(m.group());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String name : provinceMentions(text)) {
            counts.merge(canonicalProvince(name), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The provinces named in {@code text} (tone-folded), as {@code province}'s successive finds give them: at each
     * place the longest name that stands as a word of its own, the search going on after it.
     */
    private List<String> provinceMentions(String text) {
        List<PhraseMatcher.Match> found = new ArrayList<>(provinceNames.matches(text));
        found.sort(Comparator.comparingInt(PhraseMatcher.Match::start)
                .thenComparing(Comparator.comparingInt(PhraseMatcher.Match::end).reversed()));
        List<String> names = new ArrayList<>();
        int from = 0;
        for (PhraseMatcher.Match match : found) {
            if (match.start() >= from && !isLetterOrMark(text, match.start() - 1) && !isLetterOrMark(text, match.end())) {
                names.add(text.substring(match.start(), match.end()));
                from = match.end();
            }
        }
        return names;
    }

    /** Whether a letter or mark ({@code [\\p{L}\\p{M}]}) ends before {@code index + 1} or starts at {@code index}. */
    private static boolean isLetterOrMark(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        int c = Character.isLowSurrogate(text.charAt(index)) ? text.codePointBefore(index + 1) : text.codePointAt(index);
        return Character.isLetter(c) || switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }

    private String canonicalProvince(String name) {
        return PROVINCES.canonical(name);
    }

    private Optional<String> provinceIn(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = province.matcher(name);
        return m.lookingAt() && m.end() == name.length() ? Optional.of(canonicalProvince(m.group())) : Optional.empty();
    }

    /** "tỉnh Lào Cai" or "thành phố Hà Nội" for a province, as canonical names write it. */
    private String provinceLevel(String provinceName) {
        return PROVINCES.withLevel(provinceName);
    }

    private Org federation(Matcher m, String pageProvince) {
        String level = m.group(1).startsWith("TP") ? "thành phố" : m.group(1);
        String place = m.group(2);
        Optional<String> asProvince = provinceIn(place);
        if (asProvince.isPresent() && (level.equals("tỉnh") || level.equals("thành phố"))) {
            return new Org("Liên đoàn Lao động " + provinceLevel(asProvince.get()), "provincial_federation");
        }
        if (place == null) {
            return level.equals("tỉnh") && pageProvince != null
                    ? new Org("Liên đoàn Lao động " + provinceLevel(pageProvince), "provincial_federation") : null;
        }
        return new Org("Liên đoàn Lao động " + level + " " + place, "district_federation");
    }

    private Org sectoral(Matcher m, String pageProvince) {
        if ("Việt Nam".equals(m.group(4))) {
            return new Org("Công đoàn " + m.group(1) + " Việt Nam", "sectoral_union");
        }
        return sectoralUnion(m.group(1), m.group(3), pageProvince);
    }

    /** "Công đoàn ngành Công thương tỉnh Lào Cai": the industry in sentence case, the province filled in. */
    private Org sectoralUnion(String kind, String namedProvince, String pageProvince) {
        String name = "Công đoàn " + kind;
        if (kind.equalsIgnoreCase("các khu công nghiệp")) {
            name = "Công đoàn các Khu công nghiệp";
        } else if (kind.startsWith("ngành ")) {
            String industry = kind.substring("ngành ".length());
            name = "Công đoàn ngành " + industry.substring(0, 1) + industry.substring(1).toLowerCase(Locale.ROOT);
        }
        String place = namedProvince != null ? canonicalProvince(namedProvince) : pageProvince;
        return new Org(place == null ? name : name + " " + provinceLevel(place), "sectoral_union");
    }

    /** The spelling of {@code candidates} that {@code text} is, whatever its case. */
    private static String canonicalCase(String text, String... candidates) {
        for (String candidate : candidates) {
            if (candidate.equalsIgnoreCase(text)) {
                return candidate;
            }
        }
        return text;
    }

    /**
     * A company's name ends in a capitalised word, though one lower-case word may stand inside it ("Giày da Phú
     * Lợi"): two or more lower-case words at its end are the sentence going on ("… Phú Lợi ngừng việc tập thể vì").
     */
    static String withoutClauseTail(String name) {
        return CLAUSE_TAIL.matcher(name).replaceFirst("");
    }

    private static Org unit(String prefix, String unitName, String type) {
        String unitText = unitName.strip();
        String first = unitText.split(" ", 2)[0].toLowerCase(Locale.ROOT);
        if (unitText.isEmpty() || GENERIC_UNIT_STARTS.contains(first) || unitText.split(" ").length > 12) {
            return null;
        }
        return new Org(prefix + unitText, type);
    }

    private Org partyCommittee(Matcher m, String pageProvince) {
        String board = m.group(1) == null ? "" : m.group(1);
        String committee = m.group(2);
        Optional<String> named = provinceIn(m.group(3));
        if (committee.equals("Huyện ủy")) {
            return m.group(3) == null ? null : new Org(board + committee + " " + m.group(3), "party");
        }
        // "Tỉnh ủy Vũ Xuân Cường": a capitalised name after the committee that is no province is someone's name.
        String place = named.orElse(pageProvince);
        return place == null ? null : new Org(board + committee + " " + place, "party");
    }

    private Org blocParty(Matcher m, String pageProvince) {
        String bloc = "Đảng ủy Khối " + m.group(1).strip();
        if (m.group(2) == null) {
            return new Org(bloc, "party");
        }
        String place = m.group(3) != null ? canonicalProvince(m.group(3)) : pageProvince;
        return new Org(place == null ? bloc + " " + m.group(2) : bloc + " " + provinceLevel(place), "party");
    }

    private Org people(Matcher m, String pageProvince) {
        String body = m.group(1).startsWith("U") ? "Ủy ban nhân dân" : "Hội đồng nhân dân";
        String level = m.group(2).startsWith("TP") ? "thành phố" : m.group(2);
        Optional<String> asProvince = provinceIn(m.group(3));
        if (asProvince.isPresent() && (level.equals("tỉnh") || level.equals("thành phố"))) {
            return new Org(body + " " + provinceLevel(asProvince.get()), "government");
        }
        if (m.group(3) == null) {
            return level.equals("tỉnh") && pageProvince != null
                    ? new Org(body + " " + provinceLevel(pageProvince), "government") : null;
        }
        return new Org(body + " " + level + " " + m.group(3), "government");
    }

    private Org department(Matcher m, String pageProvince) {
        String name = switch (m.group(1)) {
            case "LĐ-TB&XH", "LĐTBXH" -> "Lao động - Thương binh và Xã hội";
            default -> m.group(1);
        };
        String place = m.group(3) != null ? canonicalProvince(m.group(3)) : pageProvince;
        return new Org(place == null ? "Sở " + name : "Sở " + name + " " + provinceLevel(place), "government");
    }

    private Org provincialBody(Matcher m, String pageProvince) {
        String name = m.group(1).equals("BHXH") ? "Bảo hiểm xã hội" : m.group(1);
        return new Org(placed(name, m.group(2), m.group(3), pageProvince), "government");
    }

    private Org frontCommittee(Matcher m, String pageProvince) {
        String place = m.group(2) != null ? canonicalProvince(m.group(2)) : m.group(1) != null ? pageProvince : null;
        String name = "Ủy ban Mặt trận Tổ quốc Việt Nam";
        return new Org(place == null ? name : name + " " + provinceLevel(place), "mass_organisation");
    }

    private Org association(Matcher m, String pageProvince) {
        String name = canonicalCase(m.group(1), ASSOCIATIONS.toArray(String[]::new));
        return new Org(placed("Hội " + name, m.group(2), m.group(3), pageProvince), "mass_organisation");
    }

    /** A name with its province when the text places it ("tỉnh", "tỉnh Điện Biên"); as is otherwise. */
    private String placed(String name, String level, String named, String pageProvince) {
        if (level == null) {
            return name;
        }
        String place = named != null ? canonicalProvince(named) : pageProvince;
        return place == null ? name : name + " " + provinceLevel(place);
    }
}
