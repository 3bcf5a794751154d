// Where the generated built-in region tree lives; kept apart from the generator so that loading the tree
// does not load pinyin-pro and the phrase converter.
import { fileURLToPath } from "node:url";

export const GENERATED_FILE = fileURLToPath(new URL("./china-regions.generated.json", import.meta.url));
