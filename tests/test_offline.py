import socket

import pytest
from pytest_socket import SocketBlockedError


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_sockets_are_blocked_during_the_suite():
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_parsing_and_word_segmentation_open_no_socket(sample_article):
    # Would raise SocketBlockedError inside underthesea if it tried to fetch anything.
    assert all(s.tokens for s in sample_article.sentences)
