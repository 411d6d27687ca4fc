package io.edgemesh.firewall;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgemesh.common.Json;
import io.edgemesh.firewall.detect.*;
import io.edgemesh.firewall.pii.PiiRedactor;
import io.edgemesh.tinyml.embed.MiniLm;
import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ProfileTmp {
    @Test
    void profile() throws Exception {
        Path data = EvaluateFirewall.root().resolve("../shared/data").normalize();
        List<String> jb = new ArrayList<>();
        for (String l : Files.readAllLines(data.resolve("prompt-injection/jailbreaks_dev.jsonl"))) if (!l.isBlank()) jb.add(Json.parse(l).path("text").asText());
        List<String> bk = new ArrayList<>();
        var csv = EvaluateFirewall.csv(Files.readString(data.resolve("benign/banking77.csv")));
        for (int i = 1; i < 400; i++) bk.add(csv.get(i).get(0));
        var inj = new InjectionRules(); var mod = new ModerationRules(); var pii = new PiiRedactor();
        var cls = new InjectionClassifier(MiniLm.embedder(), InjectionModel.load());
        for (var set : List.of(bk, jb, bk, jb)) {
            long[] t = new long[6];
            for (String s : set) {
                long a = System.nanoTime(); var nt = NormalizedText.of(s);
                long b = System.nanoTime(); inj.inspect(nt);
                long c = System.nanoTime(); mod.inspect(nt);
                long d = System.nanoTime(); cls.inspect(nt);
                long e = System.nanoTime(); pii.redact(s, null);
                long f = System.nanoTime();
                t[0] += b - a; t[1] += c - b; t[2] += d - c; t[3] += e - d; t[4] += f - e;
            }
            System.out.printf("n=%d norm %.2f inj %.2f mod %.2f cls %.2f pii %.2f ms/row%n", set.size(), t[0]/1e6/set.size(), t[1]/1e6/set.size(), t[2]/1e6/set.size(), t[3]/1e6/set.size(), t[4]/1e6/set.size());
        }
    }
}
