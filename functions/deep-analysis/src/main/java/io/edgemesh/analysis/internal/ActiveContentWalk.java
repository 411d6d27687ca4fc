package io.edgemesh.analysis.internal;

import io.edgemesh.analysis.scan.Category;
import io.edgemesh.analysis.scan.Finding;
import io.edgemesh.analysis.scan.ScannerPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Walks a parsed PDF at the COS level looking for anything that can run or fetch something. The
 * structured walk (catalog, name trees, form fields, pages, annotations) gives each finding a place
 * a person understands ("JavaScript in page 2 Link annotation"); a sweep over every object then
 * catches what hides outside that structure (orphan actions, stray /JS, unreferenced embedded
 * files), reported by object number. Cycles are cut by identity sets; depth is bounded.
 */
public final class ActiveContentWalk {

    private static final int MAX_DEPTH = 32;
    private static final Set<String> BENIGN_ACTIONS = Set.of("GoTo", "Named", "Hide", "ResetForm", "SetOCGState",
            "Thread", "Trans", "GoTo3DView");
    /** Every action type in ISO 32000-2 plus Adobe's RichMediaExecute: the sweep treats only these as actions. */
    private static final Set<String> ACTION_TYPES = Set.of("GoTo", "GoToR", "GoToE", "GoToDp", "Launch", "Thread", "URI",
            "Sound", "Movie", "Hide", "Named", "SubmitForm", "ResetForm", "ImportData", "SetOCGState", "Rendition", "Trans",
            "GoTo3DView", "JavaScript", "RichMediaExecute");
    private static final Set<String> MEDIA_ANNOTATIONS = Set.of("RichMedia", "Movie", "Sound", "3D");

    private final ScannerPolicy policy;
    private final int maxFindings;
    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Set<COSBase> seenActions = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<COSBase> seenFiles = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<COSBase> seenSwept = Collections.newSetFromMap(new IdentityHashMap<>());
    private int dropped;

    public ActiveContentWalk(ScannerPolicy policy, int maxFindings) {
        this.policy = policy;
        this.maxFindings = maxFindings;
    }

    public List<Finding> run(PDDocument doc) {
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        COSBase open = catalog.getDictionaryObject(COSName.OPEN_ACTION);
        if (open instanceof COSDictionary) action(open, "OpenAction", 0);
        additionalActions(catalog.getDictionaryObject(COSName.AA), "document");
        if (catalog.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names) {
            nameTree(names.getDictionaryObject(COSName.JAVA_SCRIPT), 0, (name, value) -> {
                if (value instanceof COSDictionary d && !seenActions.contains(d)) {
                    seenActions.add(d);
                    add("active.javascript", Category.JAVASCRIPT, "JavaScript in the document's JavaScript name tree ('" + name + "')");
                    next(d, "document JavaScript '" + name + "'", 1);
                }
            });
            nameTree(names.getDictionaryObject(COSName.EMBEDDED_FILES), 0,
                    (name, value) -> embeddedFile(value, "the EmbeddedFiles name tree ('" + name + "')"));
        }
        if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary form) {
            if (form.containsKey(COSName.XFA)) {
                add("active.xfa", Category.XFA, "XFA form (XML Forms Architecture) in the AcroForm");
            }
            if (form.getDictionaryObject(COSName.FIELDS) instanceof COSArray fields) {
                for (int i = 0; i < fields.size(); i++) field(fields.getObject(i), 0);
            }
        }
        if (catalog.getBoolean(COSName.getPDFName("NeedsRendering"), false)) {
            add("active.xfa", Category.XFA, "dynamic XFA form (NeedsRendering) in the catalog");
        }
        int n = 0;
        for (PDPage page : doc.getPages()) {
            if (++n > policy.maxPages()) break;
            COSDictionary pd = page.getCOSObject();
            String where = "page " + n;
            additionalActions(pd.getDictionaryObject(COSName.AA), where);
            if (pd.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annots) {
                for (int i = 0; i < annots.size(); i++) {
                    if (annots.getObject(i) instanceof COSDictionary a) annotation(a, where);
                }
            }
        }
        sweep(doc.getDocument());
        List<Finding> out = new ArrayList<>(findings.values());
        if (dropped > 0) {
            out.add(policy.finding("active.more", Category.UNKNOWN_ACTION, dropped + " further active-content finding(s) not listed")
                    .withAction(out.stream().map(Finding::action).max(Enum::compareTo).orElseThrow()));
        }
        return out;
    }

    private void annotation(COSDictionary a, String page) {
        String subtype = a.getNameAsString(COSName.SUBTYPE);
        String where = (subtype == null ? "unknown" : clean(subtype)) + " annotation on " + page;
        action(a.getDictionaryObject(COSName.A), where, 0);
        additionalActions(a.getDictionaryObject(COSName.AA), where);
        if ("FileAttachment".equals(subtype)) {
            COSBase fs = a.getDictionaryObject(COSName.FS);
            if (!embeddedFile(fs, "a file attachment annotation on " + page)) {
                add("active.embedded_file", Category.EMBEDDED_FILE, "file attachment annotation on " + page);
            }
        } else if (subtype != null && MEDIA_ANNOTATIONS.contains(subtype)) {
            add("active.rich_media", Category.RICH_MEDIA, clean(subtype) + " (rich media) annotation on " + page);
        }
    }

    private void field(COSBase base, int depth) {
        if (!(base instanceof COSDictionary f) || depth > MAX_DEPTH || !seenSwept.add(f)) return;
        String name = f.getString(COSName.T);
        String where = "form field '" + clean(name == null ? "?" : name) + "'";
        action(f.getDictionaryObject(COSName.A), where, 0);
        additionalActions(f.getDictionaryObject(COSName.AA), where);
        if (f.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (int i = 0; i < kids.size(); i++) field(kids.getObject(i), depth + 1);
        }
    }

    private void additionalActions(COSBase aa, String where) {
        if (!(aa instanceof COSDictionary d)) return;
        for (COSName key : d.keySet()) {
            action(d.getDictionaryObject(key), where + " additional action /" + clean(key.getName()), 0);
        }
    }

    /** Classifies one action and follows its /Next chain. */
    private void action(COSBase base, String where, int depth) {
        if (!(base instanceof COSDictionary d) || depth > MAX_DEPTH || !seenActions.add(d)) return;
        String s = d.getNameAsString(COSName.S);
        boolean js = d.containsKey(COSName.JS);
        if (js || "JavaScript".equals(s)) {
            add("active.javascript", Category.JAVASCRIPT, "JavaScript in " + where);
        } else if (s == null) {
            // not an action at all (or a broken one without a type): nothing runs
        } else {
            switch (s) {
                case "Launch" -> add("active.launch", Category.LAUNCH, "Launch action in " + where + target(d, COSName.F));
                case "ImportData" -> add("active.import_data", Category.IMPORT_DATA, "ImportData action in " + where + target(d, COSName.F));
                case "SubmitForm" -> add("active.submit_form", Category.SUBMIT_FORM, "SubmitForm action in " + where + target(d, COSName.F));
                case "GoToR" -> add("active.goto_remote", Category.REMOTE_GOTO, "GoToR (remote document) action in " + where + target(d, COSName.F));
                case "GoToE" -> add("active.goto_embedded", Category.EMBEDDED_GOTO, "GoToE (embedded document) action in " + where);
                case "URI" -> uri(d, where);
                case "Rendition", "Sound", "Movie", "RichMediaExecute" ->
                        add("active.rich_media", Category.RICH_MEDIA, clean(s) + " (media) action in " + where);
                default -> {
                    if (!BENIGN_ACTIONS.contains(s)) {
                        add("active.unknown_action", Category.UNKNOWN_ACTION, "unknown action type '" + clean(s) + "' in " + where);
                    }
                }
            }
        }
        next(d, where, depth + 1);
    }

    private void next(COSDictionary d, String where, int depth) {
        COSBase next = d.getDictionaryObject(COSName.NEXT);
        if (next instanceof COSDictionary) {
            action(next, where + " (chained)", depth);
        } else if (next instanceof COSArray arr) {
            for (int i = 0; i < arr.size(); i++) action(arr.getObject(i), where + " (chained)", depth);
        }
    }

    private void uri(COSDictionary d, String where) {
        COSBase u = d.getDictionaryObject(COSName.URI);
        String uri = u instanceof COSString cs ? cs.getString().trim() : "";
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("javascript:")) {
            add("active.javascript", Category.JAVASCRIPT, "javascript: link in " + where);
        } else if (lower.startsWith("file:") || uri.startsWith("\\\\")) {
            add("active.goto_remote", Category.REMOTE_GOTO, "link to a local or network file in " + where);
        } else {
            add("active.uri", Category.URI_LINK, "link to " + host(uri) + " in " + where);
        }
    }

    /** Records an embedded file; false when {@code fs} is not a file specification with content. */
    private boolean embeddedFile(COSBase fs, String where) {
        if (!(fs instanceof COSDictionary spec)) return false;
        if (!seenFiles.add(spec)) return true;
        COSBase ef = spec.getDictionaryObject(COSName.EF);
        if (ef instanceof COSDictionary efd) {
            for (COSName k : efd.keySet()) seenFiles.add(efd.getDictionaryObject(k));
        }
        String name = spec.getString(COSName.UF);
        if (name == null) name = spec.getString(COSName.F);
        add("active.embedded_file", Category.EMBEDDED_FILE, "embedded file" + (name == null ? "" : " '" + clean(name) + "'") + " in " + where);
        return true;
    }

    /** Everything the structured walk did not reach, by object number. */
    private void sweep(COSDocument cos) {
        for (COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
            COSBase b;
            try {
                COSObject o = cos.getObjectFromPool(key);
                b = o == null ? null : o.getObject();
            } catch (RuntimeException e) {
                continue;
            }
            inspect(b, "object " + key.getNumber(), 0);
        }
    }

    private void inspect(COSBase b, String where, int depth) {
        if (b == null || depth > MAX_DEPTH) return;
        if (b instanceof COSArray arr) {
            for (int i = 0; i < arr.size(); i++) {
                COSBase e = arr.get(i);
                if (!(e instanceof COSObject)) inspect(e, where, depth + 1);
            }
            return;
        }
        if (!(b instanceof COSDictionary d) || !seenSwept.add(d)) return;
        COSName type = d.getCOSName(COSName.TYPE);
        // many dictionaries have an /S that is not an action type (border styles, masks, page labels)
        String s = d.getNameAsString(COSName.S);
        if (d.containsKey(COSName.JS) || (s != null && ACTION_TYPES.contains(s))
                || COSName.getPDFName("Action").equals(type)) {
            action(d, where, 0);
        }
        if (d instanceof COSStream && COSName.EMBEDDED_FILE.equals(type) && !seenFiles.contains(d)) {
            seenFiles.add(d);
            add("active.embedded_file", Category.EMBEDDED_FILE, "embedded file stream (" + where + ")");
        }
        if (d.containsKey(COSName.EF) && (COSName.FILESPEC.equals(type) || type == null)) embeddedFile(d, where);
        if (d.containsKey(COSName.XFA)) add("active.xfa", Category.XFA, "XFA form (XML Forms Architecture) in the AcroForm");
        String subtype = d.getNameAsString(COSName.SUBTYPE);
        if ("RichMedia".equals(subtype) && COSName.ANNOT.equals(type)) {
            add("active.rich_media", Category.RICH_MEDIA, "RichMedia annotation (" + where + ")");
        }
        for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
            COSBase v = e.getValue();
            if (!(v instanceof COSObject)) inspect(v, where, depth + 1);
        }
    }

    @FunctionalInterface
    private interface Leaf {
        void accept(String name, COSBase value);
    }

    /** Walks a name tree (/Names pairs and /Kids), bounded and cycle-safe. */
    private void nameTree(COSBase node, int depth, Leaf leaf) {
        if (!(node instanceof COSDictionary d) || depth > MAX_DEPTH || !seenSwept.add(d)) return;
        if (d.getDictionaryObject(COSName.NAMES) instanceof COSArray pairs) {
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                COSBase k = pairs.getObject(i);
                String name = k instanceof COSString s ? clean(s.getString()) : "?";
                leaf.accept(name, pairs.getObject(i + 1));
            }
        }
        if (d.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
            for (int i = 0; i < kids.size(); i++) nameTree(kids.getObject(i), depth + 1, leaf);
        }
    }

    private void add(String code, Category category, String reason) {
        String key = code + "|" + reason;
        if (findings.containsKey(key)) return;
        if (findings.size() >= maxFindings) {
            dropped++;
            return;
        }
        findings.put(key, policy.finding(code, category, reason));
    }

    private static String target(COSDictionary d, COSName key) {
        COSBase f = d.getDictionaryObject(key);
        String name = null;
        if (f instanceof COSString s) {
            name = s.getString();
        } else if (f instanceof COSDictionary spec) {
            name = spec.getString(COSName.UF);
            if (name == null) name = spec.getString(COSName.F);
            if (name == null) name = spec.getString(COSName.getPDFName("FS"));
        }
        if (name == null) {
            COSBase win = d.getDictionaryObject(COSName.getPDFName("Win"));
            if (win instanceof COSDictionary w) name = w.getString(COSName.F);
        }
        return name == null || name.isBlank() ? "" : " ('" + clean(name) + "')";
    }

    private static String host(String uri) {
        try {
            String h = java.net.URI.create(uri).getHost();
            return h == null ? "'" + clean(uri) + "'" : h;
        } catch (IllegalArgumentException e) {
            return "'" + clean(uri) + "'";
        }
    }

    /** Names and strings from the document are hostile: printable, short. */
    static String clean(String s) {
        String t = s.replaceAll("[\\p{Cntrl}\\p{Cf}]", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
