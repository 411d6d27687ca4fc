package io.edgemesh.firewall.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgemesh.common.Json;
import io.edgemesh.firewall.detect.Exemplars.Exemplar;
import io.edgemesh.tinyml.embed.Embedder;
import io.edgemesh.tinyml.embed.MiniLm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Trains {@code injection-model.json} from the exemplars. Not part of the normal test run (the name
 * does not end in Test); run it after changing an exemplar file:
 * <pre>./mvnw -B -q -o -pl functions/firewall test -Dtest=TrainInjectionModel -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>Method: L2-regularised logistic regression on the embeddings, classes weighted to balance. The
 * regularisation strength and the blocking threshold are chosen by 5-fold cross-validation on the
 * exemplars only: the strength with the lowest out-of-fold log-loss, then the smallest threshold whose
 * out-of-fold false-positive rate on the benign exemplars is at most {@link #MAX_CV_FPR} (never below
 * 0.5). The evaluation sets play no part.
 */
class TrainInjectionModel {
    static final int WINDOW_CHARS = 600;
    static final int FOLDS = 5;
    static final double MAX_CV_FPR = 0.02;
    static final double[] LAMBDAS = {1e-3, 3e-3, 1e-2, 3e-2, 1e-1};
    /** Embedding components are about 1/sqrt(384); scaling keeps gradient descent well conditioned. */
    static final double SCALE = Math.sqrt(MiniLm.DIMENSION);
    static final int ITERATIONS = 1500;

    @Test
    void train() throws Exception {
        List<Exemplar> ex = Exemplars.load();
        Embedder embedder = MiniLm.embedder();
        int n = ex.size();
        int d = embedder.dimension();
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            float[] v = embedder.embedQuery(InjectionClassifier.window(NormalizedText.of(ex.get(i).text()).folded(), WINDOW_CHARS));
            x[i] = new double[d];
            for (int k = 0; k < d; k++) x[i][k] = v[k] * SCALE;
            y[i] = ex.get(i).attack() ? 1 : 0;
        }

        double bestLoss = Double.MAX_VALUE;
        double bestLambda = LAMBDAS[0];
        double[] bestOof = null;
        for (double lambda : LAMBDAS) {
            double[] oof = outOfFold(x, y, lambda);
            double loss = 0;
            for (int i = 0; i < n; i++) loss -= Math.log(Math.max(1e-9, y[i] == 1 ? oof[i] : 1 - oof[i]));
            System.out.printf(Locale.ROOT, "lambda %.0e: out-of-fold log-loss %.4f%n", lambda, loss / n);
            if (loss < bestLoss) {
                bestLoss = loss;
                bestLambda = lambda;
                bestOof = oof;
            }
        }
        double threshold = 0.99;
        for (int t = 50; t <= 99; t++) {
            if (fpr(bestOof, y, t / 100.0) <= MAX_CV_FPR) {
                threshold = t / 100.0;
                break;
            }
        }
        for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95}) {
            System.out.printf(Locale.ROOT, "  at %.2f: CV TPR %.3f, CV FPR %.3f%n", t, tpr(bestOof, y, t), fpr(bestOof, y, t));
        }
        double tpr = tpr(bestOof, y, threshold);
        double fpr = fpr(bestOof, y, threshold);
        System.out.printf(Locale.ROOT, "chosen lambda %.0e, threshold %.2f: CV TPR %.3f, CV FPR %.3f (%d exemplars)%n",
                bestLambda, threshold, tpr, fpr, n);
        for (int i = 0; i < n; i++) {
            boolean predicted = bestOof[i] >= threshold;
            if (predicted != (y[i] == 1)) {
                System.out.printf(Locale.ROOT, "  CV miss %.3f %s %s%n", bestOof[i], y[i] == 1 ? "attack" : "benign", ex.get(i).text());
            }
        }

        double[] w = fit(x, y, all(n), bestLambda);
        float[] weights = new float[d];
        for (int k = 0; k < d; k++) weights[k] = (float) (w[k] * SCALE);
        InjectionModel model = new InjectionModel(Exemplars.sha256(), WINDOW_CHARS, threshold, w[d], weights,
                centroid(x, ex, InjectionRules.INJECTION), centroid(x, ex, InjectionRules.JAILBREAK), round(tpr), round(fpr));
        Path out = Path.of("src/main/resources/io/edgemesh/firewall/detect", InjectionModel.RESOURCE);
        Files.writeString(out, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(model.toJson()) + "\n");
        System.out.println("wrote " + out.toAbsolutePath());
        assertThat(InjectionModel.fromJson(Json.parse(Files.readString(out))).weights()).hasSize(d);
    }

    private static double round(double v) { return Math.round(v * 1000) / 1000.0; }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    private static double[] outOfFold(double[][] x, int[] y, double lambda) {
        int n = x.length;
        double[] oof = new double[n];
        for (int f = 0; f < FOLDS; f++) {
            boolean[] train = new boolean[n];
            for (int i = 0; i < n; i++) train[i] = i % FOLDS != f;
            double[] w = fit(x, y, train, lambda);
            for (int i = 0; i < n; i++) if (!train[i]) oof[i] = sigmoid(w, x[i]);
        }
        return oof;
    }

    /** Full-batch gradient descent; deterministic, so the model file only changes when the exemplars do. */
    static double[] fit(double[][] x, int[] y, boolean[] use, double lambda) {
        int d = x[0].length;
        double[] w = new double[d + 1];
        int pos = 0;
        int neg = 0;
        for (int i = 0; i < x.length; i++) if (use[i]) { if (y[i] == 1) pos++; else neg++; }
        double wPos = (pos + neg) / (2.0 * pos);
        double wNeg = (pos + neg) / (2.0 * neg);
        double rate = 0.5;
        double[] g = new double[d + 1];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(g, 0);
            for (int i = 0; i < x.length; i++) {
                if (!use[i]) continue;
                double err = (sigmoid(w, x[i]) - y[i]) * (y[i] == 1 ? wPos : wNeg);
                for (int k = 0; k < d; k++) g[k] += err * x[i][k];
                g[d] += err;
            }
            int m = pos + neg;
            for (int k = 0; k < d; k++) w[k] -= rate * (g[k] / m + lambda * w[k]);
            w[d] -= rate * g[d] / m;
        }
        return w;
    }

    static double sigmoid(double[] w, double[] x) {
        double z = w[x.length];
        for (int k = 0; k < x.length; k++) z += w[k] * x[k];
        return 1 / (1 + Math.exp(-z));
    }

    private static double tpr(double[] p, int[] y, double t) {
        int tp = 0, pos = 0;
        for (int i = 0; i < p.length; i++) if (y[i] == 1) { pos++; if (p[i] >= t) tp++; }
        return (double) tp / pos;
    }

    private static double fpr(double[] p, int[] y, double t) {
        int fp = 0, neg = 0;
        for (int i = 0; i < p.length; i++) if (y[i] == 0) { neg++; if (p[i] >= t) fp++; }
        return (double) fp / neg;
    }

    private static float[] centroid(double[][] x, List<Exemplar> ex, String kind) {
        int d = x[0].length;
        double[] c = new double[d];
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < ex.size(); i++) if (ex.get(i).attack() && ex.get(i).kind().equals(kind)) rows.add(i);
        for (int i : rows) for (int k = 0; k < d; k++) c[k] += x[i][k];
        double norm = 0;
        for (double v : c) norm += v * v;
        float[] out = new float[d];
        for (int k = 0; k < d; k++) out[k] = (float) (c[k] / Math.sqrt(norm));
        return out;
    }
}
