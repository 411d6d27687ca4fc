package io.edgemesh.local;

import io.edgemesh.common.Json;
import io.edgemesh.local.internal.LocalSecrets;
import io.edgemesh.routes.Names;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./edgemesh tenant create --id ID --origin URL [--origin URL...] [--name N] [--url BASE]
 * [--data DIR]}: creates a tenant on a running edge through {@code POST /admin/tenants}, with the
 * admin token from {@code EDGEMESH_ADMIN_TOKEN} or the data folder, and prints the answer (the
 * secret key appears only this once). Exit 0 on success, 1 when the edge refuses, 2 on bad usage.
 */
public final class TenantCli {
    private TenantCli() { }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("create")) {
            err.println(usage());
            return 2;
        }
        String id = null;
        String name = null;
        List<String> origins = new ArrayList<>();
        String url = "http://127.0.0.1:" + LocalEdgeConfig.DEFAULT_PORT;
        Path root = Path.of("").toAbsolutePath();
        Path data = null;
        for (int i = 1; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                err.println("edgemesh tenant: " + flag + " needs a value\n" + usage());
                return 2;
            }
            String v = args[++i];
            switch (flag) {
                case "--id" -> id = v;
                case "--name" -> name = v;
                case "--origin" -> origins.add(v);
                case "--url" -> url = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
                case "--root" -> root = Path.of(v);
                case "--data" -> data = Path.of(v);
                default -> {
                    err.println("edgemesh tenant: unknown option " + flag + "\n" + usage());
                    return 2;
                }
            }
        }
        if (id == null || origins.isEmpty()) {
            err.println("edgemesh tenant: --id and --origin are required\n" + usage());
            return 2;
        }
        Path dataDir = data != null ? data : root.resolve(".edgemesh");
        Optional<String> token = Optional.ofNullable(env.get(Names.ENV_ADMIN_TOKEN)).filter(s -> !s.isBlank())
                .or(() -> LocalSecrets.storedAdminToken(dataDir.resolve("local-edge")));
        if (token.isEmpty()) {
            err.println("edgemesh tenant: no admin token: set " + Names.ENV_ADMIN_TOKEN + " or run from the folder whose "
                    + ".edgemesh/ holds the running edge's state (or pass --data DIR)");
            return 2;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name == null ? id : name);
        body.put("allowedOrigins", origins);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url + "/admin/tenants"))
                    .timeout(Duration.ofSeconds(60))
                    .header("authorization", "Bearer " + token.get())
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.writeBytes(body))).build();
        } catch (IllegalArgumentException e) {
            err.println("edgemesh tenant: --url is not a URL: " + url);
            return 2;
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            String text = pretty(response.body());
            if (response.statusCode() / 100 == 2) {
                out.println(text);
                out.println("(the secret key is shown only now: keep it safe)");
                return 0;
            }
            err.println("edgemesh tenant: the edge answered " + response.statusCode());
            err.println(text);
            return 1;
        } catch (ConnectException e) {
            err.println("edgemesh tenant: nothing answers at " + url + ": start it with ./edgemesh dev (or pass --url)");
            return 1;
        } catch (IOException e) {
            err.println("edgemesh tenant: request failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static String pretty(String body) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.parse(body));
        } catch (RuntimeException | IOException e) {
            return body;
        }
    }

    static String usage() {
        return "usage: ./edgemesh tenant create --id ID --origin URL [--origin URL...] [--name NAME] [--url http://127.0.0.1:8787] [--data DIR]";
    }
}
