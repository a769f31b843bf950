// The page's modules for the tests in Node: esbuild bundles an entry written here (TypeScript, from src/) in memory,
// and the test imports the result. The modules need no browser at import.
import { build } from "esbuild";

/** The module whose source is `entry`, resolved from src/: bundle('export * from "./find"'). */
export async function bundle(entry) {
  const { outputFiles } = await build({
    stdin: { contents: entry, resolveDir: new URL("../src", import.meta.url).pathname, loader: "ts" },
    bundle: true,
    format: "esm",
    write: false,
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].text).toString("base64")}`);
}
