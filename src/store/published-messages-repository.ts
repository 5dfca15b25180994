import type { Place } from "../domain/records.js";
import type { PrismaClient } from "../generated/prisma/client.js";

/** Where a meeting's minutes were posted in one channel: message references by part. */
export class PublishedMessagesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async of(meetingId: string, place: Place): Promise<string[]> {
    const rows = await this.prisma.publishedMessage.findMany({
      where: { meetingId, ...place },
      orderBy: { part: "asc" },
    });
    return rows.map((row) => row.messageRef);
  }

  /** Records the post as it now stands: part i is `refs[i]`; parts beyond it are forgotten. */
  async record(meetingId: string, place: Place, refs: string[]): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.publishedMessage.deleteMany({
        where: { meetingId, ...place, part: { gte: refs.length } },
      });
      for (const [part, messageRef] of refs.entries()) {
        await tx.publishedMessage.upsert({
          where: {
            meetingId_platform_workspaceId_channelId_part: { meetingId, ...place, part },
          },
          create: { meetingId, ...place, part, messageRef },
          update: { messageRef },
        });
      }
    });
  }
}
