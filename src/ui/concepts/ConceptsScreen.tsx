import { Box, Text } from 'ink';
import type { ScreenProps } from '../screen-props.js';

export function ConceptsScreen(props: ScreenProps): React.JSX.Element {
  void props;
  return (
    <Box>
      <Text>ConceptsScreen</Text>
    </Box>
  );
}
