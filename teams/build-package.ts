// Builds the Teams app package to sideload: manifest.json with the bot's app id and public URL
// filled in, plus the two icons, zipped. Usage:
//   MICROSOFT_APP_ID=<guid> NOTERAT_PUBLIC_URL=https://noterat.example.se npm run teams:package
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { crc32 } from "node:zlib";

const APP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function main(): number {
  const appId = process.env.MICROSOFT_APP_ID ?? "";
  const publicUrl = (process.env.NOTERAT_PUBLIC_URL ?? "").replace(/\/$/, "");
  const problems = [
    ...(APP_ID.test(appId)
      ? []
      : ["MICROSOFT_APP_ID: must be the bot's Microsoft app id (a GUID)"]),
    ...(/^https:\/\/\S+$/.test(publicUrl)
      ? []
      : ["NOTERAT_PUBLIC_URL: must be the https:// address of Noterat"]),
  ];
  for (const problem of problems) process.stderr.write(`teams:package: ${problem}\n`);
  if (problems.length > 0) return 1;
  const manifest = readFileSync(new URL("manifest.json", import.meta.url), "utf8")
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the template's placeholders are literal text.
    .replaceAll("${MICROSOFT_APP_ID}", appId)
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the template's placeholders are literal text.
    .replaceAll("${NOTERAT_PUBLIC_URL}", publicUrl);
  JSON.parse(manifest); // a broken template fails here, not at upload
  const files = [
    { name: "manifest.json", data: Buffer.from(manifest, "utf8") },
    { name: "color.png", data: readFileSync(new URL("color.png", import.meta.url)) },
    { name: "outline.png", data: readFileSync(new URL("outline.png", import.meta.url)) },
  ];
  mkdirSync("data", { recursive: true });
  writeFileSync("data/noterat-teams.zip", zip(files));
  process.stdout.write("data/noterat-teams.zip\n");
  return 0;
}

/** A ZIP archive with stored (uncompressed) entries: three small files need nothing more. */
function zip(files: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of files) {
    const fileName = Buffer.from(name, "utf8");
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

process.exitCode = main();
