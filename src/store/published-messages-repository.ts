import type { Place } from "../domain/records.js";
import type { PrismaClient } from "../generated/prisma/client.js";

/**
 * Which post: a meeting's minutes, or the extract of one § approved at the meeting (its item's
 * short number as extractRef).
 */
export interface PostKey {
  meetingId: string;
  extractRef?: number;
}

/** Where a post was posted in one channel: message references by part. */
export class PublishedMessagesRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async of(post: PostKey, { platform, workspaceId, channelId }: Place): Promise<string[]> {
    const { meetingId, extractRef = 0 } = post;
    const place = { platform, workspaceId, channelId };
    const rows = await this.prisma.publishedMessage.findMany({
      where: { meetingId, extractRef, ...place },
      orderBy: { part: "asc" },
    });
    return rows.map((row) => row.messageRef);
  }

  /** Records the post as it now stands: part i is `refs[i]`; parts beyond it are forgotten. */
  async record(
    post: PostKey,
    { platform, workspaceId, channelId }: Place,
    refs: string[],
  ): Promise<void> {
    const { meetingId, extractRef = 0 } = post;
    // The channel's key only: its name is no part of where a post went.
    const place = { platform, workspaceId, channelId };
    await this.prisma.$transaction(async (tx) => {
      await tx.publishedMessage.deleteMany({
        where: { meetingId, extractRef, ...place, part: { gte: refs.length } },
      });
      for (const [part, messageRef] of refs.entries()) {
        await tx.publishedMessage.upsert({
          where: {
            meetingId_extractRef_platform_workspaceId_channelId_part: {
              meetingId,
              extractRef,
              ...place,
              part,
            },
          },
          create: { meetingId, extractRef, ...place, part, messageRef },
          update: { messageRef },
        });
      }
    });
  }
}
