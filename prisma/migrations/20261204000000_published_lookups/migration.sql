-- The listing asks, for every post, whether it has a published language version: a partial
-- index answers that without reading the (large) localization rows.
CREATE INDEX "PostLocalization_published_postId_idx" ON "PostLocalization"("postId") WHERE "status" = 'PUBLISHED';
