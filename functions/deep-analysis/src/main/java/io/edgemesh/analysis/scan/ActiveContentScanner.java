package io.edgemesh.analysis.scan;

import io.edgemesh.analysis.internal.ActiveContentWalk;
import io.edgemesh.analysis.internal.SafePdf;
import java.util.ArrayList;
import java.util.List;

/**
 * Scanner 2, PDF active content: JavaScript anywhere (document, page, annotation and form-field
 * actions, the Names JavaScript tree, stray /JS entries), OpenAction and additional actions,
 * Launch, ImportData, SubmitForm, GoToR, GoToE, embedded files (EmbeddedFiles tree, file
 * attachment annotations, orphan EmbeddedFile streams), XFA and RichMedia. Each finding's
 * category goes through the tenant's policy (block, review or allow). Non-PDF types carry no PDF
 * active content and are clean here.
 */
public final class ActiveContentScanner implements Scanner {

    public static final String NAME = "active-content";
    /** More findings than this add nothing for a reader and bloat the verdict row. */
    static final int MAX_FINDINGS = 40;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScanResult scan(ScanInput in) {
        List<Finding> findings = new ArrayList<>();
        if (!in.declaredPdf()) return ScanResult.of(NAME, findings);
        String[] error = new String[1];
        byte[] bytes = Reading.bytesOrFinding(in, findings, error);
        if (error[0] != null) return ScanResult.error(NAME, error[0]);
        if (bytes == null) return ScanResult.of(NAME, findings);
        if (bytes.length == 0) return ScanResult.of(NAME, findings);
        SafePdf.Outcome o = SafePdf.open(bytes, in.policy().limits(), null);
        if (o instanceof SafePdf.Refused r) {
            findings.add(Reading.unscannable(in.policy(), r));
            return ScanResult.of(NAME, findings);
        }
        try (SafePdf.Opened opened = (SafePdf.Opened) o) {
            findings.addAll(new ActiveContentWalk(in.policy(), MAX_FINDINGS).run(opened.document()));
        } catch (StackOverflowError e) {
            findings.add(in.policy().finding("content.not_scanned", Category.UNSCANNABLE,
                    "not inspected: the PDF's structure is nested too deeply"));
        }
        return ScanResult.of(NAME, findings);
    }
}
